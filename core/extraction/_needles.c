/* Substring tests of several words at once: ``contains_any`` (whether one occurs, ``pattern_forms.contains_any``)
 * and ``present_mask`` (which occur). Python's ``in`` scans the text once per word (and copies each word first when
 * the text holds characters beyond Latin-1); these scan it once, comparing the words only where one can start.
 * And the prefix and suffix tests against several words, ``starts_with_any`` and ``ends_with_any``.
 */
#include "_text_scan.h"

/* Up to this many needles, each is searched for by str.find (see find_needles). */
#define FEW_NEEDLES 2

/* 0 when every item of the tuple ``items`` is a str, else -1 with a TypeError: "the <what> must be str". (Checked
 * before any is compared, so that a bad tuple fails whether or not an earlier item is found.) */
static int
check_str_items(PyObject *items, const char *what)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(items); k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(items, k))) {
            PyErr_Format(PyExc_TypeError, "the %s must be str", what);
            return -1;
        }
    }
    return 0;
}

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
    if (count <= FEW_NEEDLES) {
        /* One or two needles: str.find's search (a skip table and memchr) beats a scan that stops at every pair
         * of characters a needle can start with, and building that scan's tables would cost more than it. */
        *found = 0;
        if (check_str_items(needles, "needles") < 0) {
            return -1;
        }
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *needle = PyTuple_GET_ITEM(needles, k);
            Py_ssize_t at = PyUnicode_Find(text, needle, start, end, 1);
            if (at == -2) {
                return -1;
            }
            if (at >= 0) {
                *found |= (uint64_t)1 << k;
                if (first_only) {
                    return 0;
                }
            }
        }
        return 0;
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
     * 0), one per width of the text's characters (BY_WIDTH). */
#define PAIR_HIT(key) (pairs[(key) >> 3] & (1u << ((key) & 7)))
    /* (The key slides along: the low six bits of the next character shift in; the last character, which has no
     * next, is tested with 0 after the loop, so that the loop itself needs no bounds test for ``at + 1``.) */
#define SKIP_TO_PAIR(TYPE)                                                                   \
    {                                                                                        \
        const TYPE *chars = (const TYPE *)data;                                              \
        if (i < end - 1) {                                                                   \
            unsigned int key = ((unsigned int)chars[i] & 63) << 6;                           \
            for (;;) {                                                                       \
                key |= (unsigned int)chars[i + 1] & 63;                                      \
                if (PAIR_HIT(key) || ++i == end - 1) {                                       \
                    break;                                                                   \
                }                                                                            \
                key = (key & 63) << 6;                                                       \
            }                                                                                \
        }                                                                                    \
        if (i == end - 1 && !PAIR_HIT(((unsigned int)chars[i] & 63) << 6)) {                 \
            i = end;                                                                         \
        }                                                                                    \
    }
    for (Py_ssize_t i = start; i < end && wanted; i++) {
        BY_WIDTH(kind, SKIP_TO_PAIR);
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
#undef PAIR_HIT
#undef SKIP_TO_PAIR
    return 0;
}

/* The needles found for the arguments (text, needles, start=0, end=len(text)) of contains_any and present_mask
 * (``name``, for the error message); -1 on error. */
static int
needles_of_arguments(PyObject *const *args, Py_ssize_t nargs, const char *name, int first_only, uint64_t *found)
{
    if (nargs < 2 || nargs > 4 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "%s(text: str, needles: tuple[str, ...], start=0, end=None)", name);
        return -1;
    }
    Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(args[0]);
    if (nargs > 2 && (start = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (nargs > 3 && (end = PyLong_AsSsize_t(args[3])) == -1 && PyErr_Occurred()) {
        return -1;
    }
    return find_needles(args[0], args[1], start, end, first_only, found);
}

/* contains_any(text, needles, start=0, end=len(text)) -> bool: one of the str ``needles`` (a tuple) occurs in
 * ``text[start:end]``, as ``any(text.find(n, start, end) >= 0 for n in needles)`` answers. */
PyObject *
wv_contains_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    uint64_t found;
    if (needles_of_arguments(args, nargs, "contains_any", 1, &found) < 0) {
        return NULL;
    }
    return PyBool_FromLong(found != 0);
}

/* present_mask(text, needles, start=0, end=len(text)) -> int: bit k set where needle k occurs in the slice. */
PyObject *
wv_present_mask(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    uint64_t found;
    if (needles_of_arguments(args, nargs, "present_mask", 0, &found) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLongLong(found);
}

/* Whether ``text`` starts (``at_end`` 0) or ends (1) with one of the str ``affixes`` (a tuple), as
 * str.startswith / str.endswith with a tuple answer. Those compare each affix through a call that checks and
 * adjusts bounds first; here most affixes fail at their first (or last) character. -1 on error. */
static int
has_affix(PyObject *text, PyObject *affixes, int at_end)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = PyTuple_GET_SIZE(affixes);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (check_str_items(affixes, "affixes") < 0) {
        return -1;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *affix = PyTuple_GET_ITEM(affixes, k);
        Py_ssize_t length = PyUnicode_GET_LENGTH(affix);
        if (length > n) {
            continue;
        }
        if (length == 0) {
            return 1;
        }
        Py_ssize_t at = at_end ? n - length : 0;
        int a_kind = PyUnicode_KIND(affix);
        const void *a_data = PyUnicode_DATA(affix);
        /* first the character where a mismatch is likeliest: the first of a prefix, the last of a suffix */
        Py_ssize_t probe = at_end ? length - 1 : 0;
        if (PyUnicode_READ(kind, data, at + probe) != PyUnicode_READ(a_kind, a_data, probe)) {
            continue;
        }
        Py_ssize_t i = 0;
        while (i < length && PyUnicode_READ(kind, data, at + i) == PyUnicode_READ(a_kind, a_data, i)) {
            i++;
        }
        if (i == length) {
            return 1;
        }
    }
    return 0;
}

/* starts_with_any(text, prefixes) / ends_with_any(text, suffixes) -> bool, as str.startswith / str.endswith. */
static PyObject *
affix_call(PyObject *const *args, Py_ssize_t nargs, int at_end)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "%s(text: str, affixes: tuple[str, ...])",
                     at_end ? "ends_with_any" : "starts_with_any");
        return NULL;
    }
    int found = has_affix(args[0], args[1], at_end);
    return found < 0 ? NULL : PyBool_FromLong(found);
}

PyObject *
wv_starts_with_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return affix_call(args, nargs, 0);
}

PyObject *
wv_ends_with_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return affix_call(args, nargs, 1);
}
