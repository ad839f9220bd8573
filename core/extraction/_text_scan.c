/* Two text scans of the rules in C, built with the compiled rules and used only with that build; each is
 * tested against the Python it stands for, which stays the fallback.
 *
 * ``scan_words``: the paragraph index's word scan (core/extraction/cue_index.py, ``CueIndex``), every word of a
 * lower-cased text that is a cue word or starts with a cue word's 4-letter prefix, with its offset.
 * It gives what the scan regex ``cue_index._SCAN`` finds, without a regex: a word is a maximal run of word
 * characters (``\w`` of a str pattern: alphanumeric or "_"), and it is taken when the whole word is a key of
 * ``exact`` or its first four characters are a key of ``prefix``. A test holds both to the same results.
 * The regex engine tries a match at every non-word character (a few hundred instructions each); this loop
 * reads each character once and looks a word up only when its first two characters can start a key
 * (``firsts``, a bitmap of the filter keys of their first four characters).
 *
 * ``contains_any``: whether one of several words occurs in a text (``pattern_forms.contains_any``), and
 * ``present_mask``: which of them occur. Python's ``in`` scans the text once per word; these scan it once,
 * comparing the words only where one can start.
 *
 * ``remove_words``: a text without some whole words (and the white space after each), as a regex
 * ``\b(?:…)\b\s*`` removes them, comparing each word of the text with those of the same first character;
 * ``spaced_words``: whether a text is words separated by single spaces, as its split and join would give it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* \w of a str pattern; Latin-1 from a table made at import (the Unicode database costs up to four lookups). */
static unsigned char latin1_word[256];
#define IS_WORD(ch) ((ch) < 256 ? latin1_word[(ch)] : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))

/* The first position from ``i`` on (at most ``n``) whose character is (``word`` 1) or is not (0) a word character;
 * a loop per width of the text's characters (the generic read would test the width at every character). */
static inline Py_ssize_t
skip_while(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, int word)
{
#define SKIP(TYPE)                                                       \
    {                                                                    \
        const TYPE *chars = (const TYPE *)data;                          \
        while (i < n && (IS_WORD(chars[i]) ? 1 : 0) != word) {           \
            i++;                                                         \
        }                                                                \
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        SKIP(Py_UCS1)
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        SKIP(Py_UCS2)
    }
    else {
        SKIP(Py_UCS4)
    }
#undef SKIP
    return i;
}

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
static PyObject *
scan_words(PyObject *module, PyObject *args)
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

/* Whether ``needle`` occurs at ``pos`` of the text (its first character is known to match). */
static inline int
occurs_at(int kind, const void *data, Py_ssize_t pos, PyObject *needle, Py_ssize_t length)
{
    int n_kind = PyUnicode_KIND(needle);
    const void *n_data = PyUnicode_DATA(needle);
    for (Py_ssize_t k = 1; k < length; k++) {
        if (PyUnicode_READ(kind, data, pos + k) != PyUnicode_READ(n_kind, n_data, k)) {
            return 0;
        }
    }
    return 1;
}

#define MAX_NEEDLES 64

/* Which of the str ``needles`` (a tuple of at most 64) occur in ``text[start:end]`` (the bounds as str.find reads
 * them): bit k of ``*found`` for needle k. With ``first_only`` it stops at the first needle found. -1 on error. */
static int
find_needles(PyObject *text, PyObject *needles, Py_ssize_t start, Py_ssize_t end, int first_only, uint64_t *found)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (start < 0 && (start += n) < 0) {
        start = 0;
    }
    if (end < 0 && (end += n) < 0) {
        end = 0;
    }
    if (end > n) {
        end = n;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(needles);
    if (count > MAX_NEEDLES) {
        PyErr_SetString(PyExc_ValueError, "at most 64 needles");
        return -1;
    }
    /* The needles by their first character: ``head[c]`` is the first needle starting with Latin-1 ``c`` (-1: none),
     * ``next[k]`` the one after needle ``k``; needles starting beyond Latin-1 are chained from ``high``.
     * ``pairs``: a bitmap of the needles' first two characters (the low six bits of each), so that the scan
     * stops only where a needle can start, not at every common letter (a needle of one character marks every
     * pair it can start). */
    Py_ssize_t lengths[MAX_NEEDLES];
    signed char head[256], next[MAX_NEEDLES], high = -1;
    unsigned char pairs[4096 / 8];
    uint64_t wanted = 0;
    memset(head, -1, sizeof head);
    memset(pairs, 0, sizeof pairs);
    *found = 0;
    for (Py_ssize_t k = count - 1; k >= 0; k--) {
        PyObject *needle = PyTuple_GET_ITEM(needles, k);
        if (!PyUnicode_Check(needle)) {
            PyErr_SetString(PyExc_TypeError, "the needles must be str");
            return -1;
        }
        lengths[k] = PyUnicode_GET_LENGTH(needle);
        if (lengths[k] == 0) {
            if (start <= end && start <= n) {
                *found |= (uint64_t)1 << k;  /* "" is found wherever the slice is not beyond the text */
            }
            continue;
        }
        wanted |= (uint64_t)1 << k;
        Py_UCS4 first = PyUnicode_READ_CHAR(needle, 0);
        signed char *chain = first < 256 ? &head[first] : &high;
        next[k] = *chain;
        *chain = (signed char)k;
        unsigned int row = (first & 63) << 6;
        if (lengths[k] == 1) {
            memset(pairs + (row >> 3), 0xFF, 64 / 8);
        }
        else {
            unsigned int key = row | (PyUnicode_READ_CHAR(needle, 1) & 63);
            pairs[key >> 3] |= (unsigned char)(1u << (key & 7));
        }
    }
    if (first_only && *found) {
        return 0;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* The loop that skips to the next pair of characters a needle can start with (the last character pairs with
     * 0), written per width of the text's characters (the generic read would test the width at each). */
#define PAIR_KEY(at) ((((unsigned int)chars[at] & 63) << 6) | (at + 1 < end ? (unsigned int)chars[at + 1] & 63 : 0))
#define SKIP_TO_PAIR(TYPE)                                                                   \
    {                                                                                        \
        const TYPE *chars = (const TYPE *)data;                                              \
        while (i < end && !(pairs[PAIR_KEY(i) >> 3] & (1u << (PAIR_KEY(i) & 7)))) {          \
            i++;                                                                             \
        }                                                                                    \
    }
    for (Py_ssize_t i = start; i < end && wanted; i++) {
        if (kind == PyUnicode_1BYTE_KIND) {
            SKIP_TO_PAIR(Py_UCS1)
        }
        else if (kind == PyUnicode_2BYTE_KIND) {
            SKIP_TO_PAIR(Py_UCS2)
        }
        else {
            SKIP_TO_PAIR(Py_UCS4)
        }
        if (i >= end) {
            break;
        }
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        for (signed char k = ch < 256 ? head[ch] : high; k >= 0; k = next[k]) {
            uint64_t bit = (uint64_t)1 << k;
            if ((wanted & bit) && lengths[k] <= end - i && PyUnicode_READ_CHAR(PyTuple_GET_ITEM(needles, k), 0) == ch
                    && occurs_at(kind, data, i, PyTuple_GET_ITEM(needles, k), lengths[k])) {
                *found |= bit;
                wanted &= ~bit;
                if (first_only) {
                    return 0;
                }
            }
        }
    }
#undef PAIR_KEY
#undef SKIP_TO_PAIR
    return 0;
}

/* The arguments (text, needles, start=0, end=len(text)) of contains_any and present_mask. */
static int
needle_arguments(PyObject *const *args, Py_ssize_t nargs, const char *usage, Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 2 || nargs > 4 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, usage);
        return -1;
    }
    *start = 0;
    *end = PyUnicode_GET_LENGTH(args[0]);
    if (nargs > 2 && (*start = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (nargs > 3 && (*end = PyLong_AsSsize_t(args[3])) == -1 && PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

/* contains_any(text, needles, start=0, end=len(text)) -> bool: one of the str ``needles`` (a tuple) occurs in
 * ``text[start:end]``, as ``any(text.find(n, start, end) >= 0 for n in needles)`` answers. */
static PyObject *
contains_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start, end;
    uint64_t found;
    if (needle_arguments(args, nargs, "contains_any(text: str, needles: tuple[str, ...], start=0, end=None)",
                         &start, &end) < 0
            || find_needles(args[0], args[1], start, end, 1, &found) < 0) {
        return NULL;
    }
    return PyBool_FromLong(found != 0);
}

/* present_mask(text, needles, start=0, end=len(text)) -> int: bit k set where needle k occurs in the slice. */
static PyObject *
present_mask(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start, end;
    uint64_t found;
    if (needle_arguments(args, nargs, "present_mask(text: str, needles: tuple[str, ...], start=0, end=None)",
                         &start, &end) < 0
            || find_needles(args[0], args[1], start, end, 0, &found) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLongLong(found);
}

/* remove_words(text, words) -> str: ``text`` without each whole word (a maximal run of word characters) that is one
 * of ``words`` (a tuple of at most 64 str), together with the white space after it, as
 * ``re.sub(r"\b(?:w1|w2|…)\b\s*", "", text)`` gives it for words of word characters only. */
static PyObject *
remove_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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
static PyObject *
spaced_words(PyObject *module, PyObject *text)
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

static PyMethodDef methods[] = {
    {"scan_words", scan_words, METH_VARARGS,
     "scan_words(text, exact, prefix, firsts) -> (starts, bits, heads): the cue words of a lower-cased text."},
    {"contains_any", (PyCFunction)(void (*)(void))contains_any, METH_FASTCALL,
     "contains_any(text, needles, start=0, end=None) -> bool: whether one of the needles occurs in the slice."},
    {"remove_words", (PyCFunction)(void (*)(void))remove_words, METH_FASTCALL,
     "remove_words(text, words) -> str: the text without those whole words and the white space after each."},
    {"spaced_words", spaced_words, METH_O,
     "spaced_words(text) -> int: its number of words when single spaces alone separate them, else -1."},
    {"present_mask", (PyCFunction)(void (*)(void))present_mask, METH_FASTCALL,
     "present_mask(text, needles, start=0, end=None) -> int: bit k set where needle k occurs in the slice."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_text_scan", "Text scans of the rules in C (see _text_scan.c).", -1, methods,
};

PyMODINIT_FUNC
PyInit__text_scan(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        latin1_word[ch] = Py_UNICODE_ISALNUM(ch) || ch == '_';
    }
    return PyModule_Create(&module);
}
