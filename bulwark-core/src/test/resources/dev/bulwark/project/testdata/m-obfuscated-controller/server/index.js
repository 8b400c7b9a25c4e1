const express=require('express');const auth=require('./controllers/auth');const app=express();app.use('/auth',auth);app.listen(3000);
