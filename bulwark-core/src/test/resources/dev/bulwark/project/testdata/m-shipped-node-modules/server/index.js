const log=require('chalk-log');const express=require('express');express().listen(3000,()=>log('up'));
