/* ``padded_lower``: the lower case of a slice of text for the paragraph index (``cue_index.CueIndex``), padded with
 * a space at either end. ``str.lower`` maps every character beyond ASCII through the full Unicode case tables (a
 * multi-step lookup per character); German minutes are mostly Latin-1, which one table made at import covers.
 */
#include "_text_scan.h"

/* The lower case of each Latin-1 character (all of them lower to one Latin-1 character). */
static Py_UCS1 latin1_lower[256];

void
wv_case_init(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        Py_UCS4 lowered[3];
        int n = _PyUnicode_ToLowerFull(ch, lowered);
        latin1_lower[ch] = (Py_UCS1)(n == 1 && lowered[0] < 256 ? lowered[0] : ch);
    }
}

/* What str.lower makes of ``ch`` beyond Latin-1 when it is one character, else -1 (it makes more: "İ"). */
static inline Py_UCS4
lower_beyond_latin1(Py_UCS4 ch, int *more)
{
    Py_UCS4 lowered[3];
    if (_PyUnicode_ToLowerFull(ch, lowered) != 1) {
        *more = 1;
        return ch;
    }
    return lowered[0];
}

/* The sentinel of the Python fallback: a capital sigma lowers by its context (final "ς" or "σ"). */
#define CAPITAL_SIGMA 0x3A3

/* padded_lower(text, start, end) -> " " + text[start:end].lower() + " ", or "" where a character lowers to more
 * than one (the offsets of the index would shift). ``start`` and ``end`` are clamped to the text as slices are. */
PyObject *
wv_padded_lower(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "padded_lower(text: str, start: int, end: int)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t start = PyLong_AsSsize_t(args[1]), end;
    if (start == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if ((end = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (PySlice_AdjustIndices(n, &start, &end, 1) == 0) {
        end = start;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = end - start;
    PyObject *result;
    if (kind == PyUnicode_1BYTE_KIND) {
        result = PyUnicode_New(length + 2, 255);
        if (result == NULL) {
            return NULL;
        }
        const Py_UCS1 *chars = (const Py_UCS1 *)data + start;
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(result);
        Py_UCS1 top = ' ';
        out[0] = ' ';
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS1 lowered = latin1_lower[chars[i]];
            top |= lowered;
            out[i + 1] = lowered;
        }
        out[length + 1] = ' ';
        if (top < 128) {  /* all ASCII: the str must say so (its kind and flags are the smallest that fit) */
            PyObject *ascii = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, out, length + 2);
            Py_DECREF(result);
            return ascii;
        }
        return result;
    }
    /* Wider text: the lowered characters' largest value decides the width of the result, so they are read twice. */
    Py_UCS4 top = ' ';
    int more = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == CAPITAL_SIGMA) {
            PyObject *slice = PyUnicode_Substring(text, start, end);
            if (slice == NULL) {
                return NULL;
            }
            PyObject *lowered = PyObject_CallMethod(slice, "lower", NULL);
            Py_DECREF(slice);
            if (lowered == NULL) {
                return NULL;
            }
            if (PyUnicode_GET_LENGTH(lowered) != length) {
                Py_DECREF(lowered);
                return PyUnicode_New(0, 0);
            }
            result = PyUnicode_FromFormat(" %U ", lowered);
            Py_DECREF(lowered);
            return result;
        }
        Py_UCS4 lowered = ch < 256 ? latin1_lower[ch] : lower_beyond_latin1(ch, &more);
        if (more) {
            return PyUnicode_New(0, 0);
        }
        if (lowered > top) {
            top = lowered;
        }
    }
    result = PyUnicode_New(length + 2, top);
    if (result == NULL) {
        return NULL;
    }
    int out_kind = PyUnicode_KIND(result);
    void *out = PyUnicode_DATA(result);
    PyUnicode_WRITE(out_kind, out, 0, ' ');
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, start + i);
        PyUnicode_WRITE(out_kind, out, i + 1, ch < 256 ? latin1_lower[ch] : lower_beyond_latin1(ch, &more));
    }
    PyUnicode_WRITE(out_kind, out, length + 1, ' ');
    return result;
}
