/* The paragraph index's word scan in C: every word of a lower-cased text that is a cue word or starts with
 * a cue word's 4-letter prefix, with its offset (core/extraction/cue_index.py, ``CueIndex``).
 *
 * It gives what the scan regex ``cue_index._SCAN`` finds, without a regex: a word is a maximal run of word
 * characters (``\w`` of a str pattern: alphanumeric or "_"), and it is taken when the whole word is a key of
 * ``exact`` or its first four characters are a key of ``prefix``. A test holds both to the same results.
 * The regex engine tries a match at every non-word character (a few hundred instructions each); this loop
 * reads each character once and looks a word up only when its first two characters can start a key
 * (``firsts``, a bitmap over the low bytes of those two characters).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* \w of a str pattern; Latin-1 from a table made at import (the Unicode database costs up to four lookups). */
static unsigned char latin1_word[256];
#define IS_WORD(ch) ((ch) < 256 ? latin1_word[(ch)] : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))

/* The filter key of a word: a hash of its first (up to) four characters, as ``cue_index._filter_key`` computes it. */
static inline unsigned int
filter_key(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t stop = end - start > 4 ? start + 4 : end;
    uint32_t h = (uint32_t)(stop - start);
    for (Py_ssize_t k = start; k < stop; k++) {
        h = h * 131u + (uint32_t)PyUnicode_READ(kind, data, k);
    }
    return h & 0xFFFF;
}

/* scan(text, exact, prefix, firsts) -> (starts, bits, groups) */
static PyObject *
scan(PyObject *module, PyObject *args)
{
    PyObject *text, *exact, *prefix;
    Py_buffer firsts;
    if (!PyArg_ParseTuple(args, "UO!O!y*", &text, &PyDict_Type, &exact, &PyDict_Type, &prefix, &firsts)) {
        return NULL;
    }
    PyObject *starts = PyList_New(0), *bits = PyList_New(0), *groups = PyList_New(0), *result = NULL;
    if (starts == NULL || bits == NULL || groups == NULL) {
        goto done;
    }
    if (firsts.len != 65536 / 8) {
        PyErr_SetString(PyExc_ValueError, "firsts must be a bitmap of 65536 bits");
        goto done;
    }
    const unsigned char *bitmap = (const unsigned char *)firsts.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* Position 0 has no character before it: a word there is not after a non-word character. */
    Py_ssize_t i = 0;
    while (i < n && IS_WORD(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    while (i < n) {
        if (!IS_WORD(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t end = i + 1;
        while (end < n && IS_WORD(PyUnicode_READ(kind, data, end))) {
            end++;
        }
        unsigned int key = filter_key(kind, data, i, end);
        if (bitmap[key >> 3] & (1u << (key & 7))) {
            PyObject *word = PyUnicode_Substring(text, i, end);
            if (word == NULL) {
                goto done;
            }
            PyObject *value = PyDict_GetItemWithError(exact, word);  /* borrowed */
            int sure = value != NULL ? PyObject_IsTrue(value) : 0;
            if (sure < 0 || (value == NULL && PyErr_Occurred())) {
                Py_DECREF(word);
                goto done;
            }
            PyObject *group = word;
            Py_INCREF(group);
            if (end - i > 4) {
                Py_SETREF(group, PyUnicode_Substring(text, i, i + 4));
                if (group == NULL) {
                    Py_DECREF(word);
                    goto done;
                }
            }
            if (!sure && end - i >= 4) {
                value = PyDict_GetItemWithError(prefix, group);
                if (value == NULL && PyErr_Occurred()) {
                    Py_DECREF(word);
                    Py_DECREF(group);
                    goto done;
                }
            }
            Py_DECREF(word);
            if (value != NULL) {
                PyObject *offset = PyLong_FromSsize_t(i);
                int failed = offset == NULL || PyList_Append(starts, offset) < 0
                    || PyList_Append(bits, value) < 0 || PyList_Append(groups, group) < 0;
                Py_XDECREF(offset);
                if (failed) {
                    Py_DECREF(group);
                    goto done;
                }
            }
            Py_DECREF(group);
        }
        i = end;
    }
    result = PyTuple_Pack(3, starts, bits, groups);
done:
    PyBuffer_Release(&firsts);
    Py_XDECREF(starts);
    Py_XDECREF(bits);
    Py_XDECREF(groups);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, exact, prefix, firsts) -> (starts, bits, groups): the cue words of a lower-cased text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_word_scan", "The paragraph index's word scan in C (see cue_index.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__word_scan(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        latin1_word[ch] = Py_UNICODE_ISALNUM(ch) || ch == '_';
    }
    return PyModule_Create(&module);
}
