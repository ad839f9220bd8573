/* Word-level edits of the action phrases (core/extraction/actions.py): ``remove_words`` drops whole words as a
 * regex ``\\b(?:…)\\b\\s*`` does, comparing each word of the text with those of the same first character, and
 * ``spaced_words`` tells whether a text is already what splitting and joining it would give.
 */
#include "_text_scan.h"

/* remove_words(text, words) -> str: ``text`` without each whole word (a maximal run of word characters) that is one
 * of ``words`` (a tuple of at most 64 str), together with the white space after it, as
 * ``re.sub(r"\b(?:w1|w2|…)\b\s*", "", text)`` gives it for words of word characters only. */
PyObject *
wv_remove_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "remove_words(text: str, words: tuple[str, ...])");
        return NULL;
    }
    PyObject *text = args[0], *words = args[1];
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    if (count > MAX_NEEDLES) {
        PyErr_SetString(PyExc_ValueError, "at most 64 words");
        return NULL;
    }
    /* the words by their first character (Latin-1; others chained from ``high``), as in find_needles */
    signed char head[256], next[MAX_NEEDLES], high = -1;
    memset(head, -1, sizeof head);
    for (Py_ssize_t k = count - 1; k >= 0; k--) {
        PyObject *word = PyTuple_GET_ITEM(words, k);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "the words must be str");
            return NULL;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(word);
        for (Py_ssize_t c = 0; c < length; c++) {
            if (!IS_WORD(PyUnicode_READ_CHAR(word, c))) {
                PyErr_SetString(PyExc_ValueError, "the words must consist of word characters");
                return NULL;
            }
        }
        if (length == 0) {
            continue;
        }
        Py_UCS4 first = PyUnicode_READ_CHAR(word, 0);
        signed char *chain = first < 256 ? &head[first] : &high;
        next[k] = *chain;
        *chain = (signed char)k;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_UCS4 *out = NULL;  /* made at the first removal */
    Py_ssize_t kept = 0, copied = 0;  /* characters written to ``out``; text before ``copied`` is dealt with */
    Py_ssize_t i = skip_while(kind, data, 0, n, 1);
    while (i < n) {
        Py_ssize_t end = skip_while(kind, data, i + 1, n, 0);
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int found = 0;
        for (signed char k = ch < 256 ? head[ch] : high; k >= 0 && !found; k = next[k]) {
            PyObject *word = PyTuple_GET_ITEM(words, k);
            found = PyUnicode_GET_LENGTH(word) == end - i && PyUnicode_READ_CHAR(word, 0) == ch
                && occurs_at(kind, data, i, word, end - i);
        }
        if (found) {
            if (out == NULL && (out = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n > 0 ? n : 1))) == NULL) {
                return PyErr_NoMemory();
            }
            for (Py_ssize_t c = copied; c < i; c++) {
                out[kept++] = PyUnicode_READ(kind, data, c);
            }
            while (end < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end))) {
                end++;
            }
            copied = end;
        }
        i = skip_while(kind, data, end, n, 1);
    }
    if (out == NULL) {
        return Py_NewRef(text);  /* nothing removed */
    }
    for (Py_ssize_t c = copied; c < n; c++) {
        out[kept++] = PyUnicode_READ(kind, data, c);
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, kept);
    PyMem_Free(out);
    return result;
}


/* spaced_words(text) -> int: how many words ``text`` has (0 for "") when it is words separated by single spaces
 * (" ", no other white space, none at either end): then ``" ".join(text.split()) == text``; else -1. */
PyObject *
wv_spaced_words(PyObject *module, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "spaced_words(text: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), words = n > 0;
    Py_UCS4 previous = ' ';
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == ' ') {
            if (previous == ' ') {
                return PyLong_FromLong(-1);  /* at the start, or two in a row */
            }
            words++;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            return PyLong_FromLong(-1);
        }
        previous = ch;
    }
    return PyLong_FromSsize_t(previous == ' ' && n > 0 ? -1 : words);
}
