/* The paragraph index's word scan (core/extraction/cue_index.py, ``CueIndex``): every word of a lower-cased text
 * that is a cue word or starts with a cue word's 4-letter prefix, with its offset.
 *
 * It gives what the scan regex ``cue_index._SCAN`` finds, without a regex: a word is a maximal run of word
 * characters (``\w`` of a str pattern: alphanumeric or "_"), and it is taken when the whole word is a key of
 * ``exact`` or its first four characters are a key of ``prefix``. A test holds both to the same results.
 * The regex engine tries a match at every non-word character (a few hundred instructions each); this loop
 * reads each character once and looks a word up only when the filter key of its first four characters is
 * set in ``firsts`` (a bitmap the index computes from the tables with ``cue_index.filter_key``).
 */
#include "_text_scan.h"

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

/* scan_words(text, exact, prefix, firsts) -> (starts, bits, heads): each word's offset, bits and the length of its
 * head (its first four characters or fewer), which names the phrases that can start there. */
PyObject *
wv_scan_words(PyObject *module, PyObject *args)
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
    Py_ssize_t i = skip_while(kind, data, 0, n, 0);
    while (i < n) {
        i = skip_while(kind, data, i, n, 1);  /* to the next word */
        if (i >= n) {
            break;
        }
        Py_ssize_t end = skip_while(kind, data, i + 1, n, 0);
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
            if (!sure && end - i >= 4) {  /* not a word of the tables: its first four letters may be a prefix */
                PyObject *head = end - i > 4 ? PyUnicode_Substring(text, i, i + 4) : (Py_INCREF(word), word);
                if (head == NULL) {
                    Py_DECREF(word);
                    goto done;
                }
                value = PyDict_GetItemWithError(prefix, head);
                Py_DECREF(head);
                if (value == NULL && PyErr_Occurred()) {
                    Py_DECREF(word);
                    goto done;
                }
            }
            Py_DECREF(word);
            if (value != NULL) {
                PyObject *offset = PyLong_FromSsize_t(i);
                PyObject *head_length = PyLong_FromSsize_t(end - i < 4 ? end - i : 4);
                int failed = offset == NULL || head_length == NULL || PyList_Append(starts, offset) < 0
                    || PyList_Append(bits, value) < 0 || PyList_Append(groups, head_length) < 0;
                Py_XDECREF(offset);
                Py_XDECREF(head_length);
                if (failed) {
                    goto done;
                }
            }
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
