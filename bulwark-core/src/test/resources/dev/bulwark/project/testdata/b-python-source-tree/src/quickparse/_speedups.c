#include <Python.h>

static PyObject *count_lines(PyObject *self, PyObject *args) {
    const char *s;
    Py_ssize_t n = 0;
    if (!PyArg_ParseTuple(args, "s", &s)) return NULL;
    for (; *s; s++) if (*s == '\n') n++;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef methods[] = {{"count_lines", count_lines, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_speedups", NULL, -1, methods};
PyMODINIT_FUNC PyInit__speedups(void) { return PyModule_Create(&mod); }
