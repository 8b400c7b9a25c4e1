function f() {
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
        return 1;
}




















f();
