const r = /ab/;
const pаyload = 1;
