/* Shared by the C text scans of the rules (``_text_scan``): the word-character test and the loops and comparisons
 * that every scan uses, written per width of a str's characters. See _text_scan.c. */
#ifndef WIEDERVORLAGE_TEXT_SCAN_H
#define WIEDERVORLAGE_TEXT_SCAN_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* \w of a str pattern; Latin-1 from a table made at import (the Unicode database costs up to four lookups). */
extern unsigned char wv_latin1_word[256];
#define IS_WORD(ch) ((ch) < 256 ? wv_latin1_word[(ch)] : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))

#define MAX_NEEDLES 64

/* ``BODY(TYPE)`` with ``TYPE`` the character type of a str of ``kind``: the loops over a str's characters are
 * written once per width, since the generic read would test the width at every character. */
#define BY_WIDTH(kind, BODY)                    \
    do {                                        \
        if ((kind) == PyUnicode_1BYTE_KIND) {   \
            BODY(Py_UCS1)                       \
        }                                       \
        else if ((kind) == PyUnicode_2BYTE_KIND) { \
            BODY(Py_UCS2)                       \
        }                                       \
        else {                                  \
            BODY(Py_UCS4)                       \
        }                                       \
    } while (0)

/* The first position from ``i`` on (at most ``n``) whose character is (``word`` 1) or is not (0) a word character. */
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
    BY_WIDTH(kind, SKIP);
#undef SKIP
    return i;
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

/* The functions of the module, by file. */
PyObject *wv_word_tables(PyObject *module, PyObject *args);                                  /* _word_scan.c */
PyObject *wv_scan_words(PyObject *module, PyObject *args);                                   /* _word_scan.c */
PyObject *wv_contains_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs);       /* _needles.c */
PyObject *wv_present_mask(PyObject *module, PyObject *const *args, Py_ssize_t nargs);       /* _needles.c */
PyObject *wv_starts_with_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs);    /* _needles.c */
PyObject *wv_ends_with_any(PyObject *module, PyObject *const *args, Py_ssize_t nargs);      /* _needles.c */
PyObject *wv_remove_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs);       /* _words.c */
PyObject *wv_spaced_words(PyObject *module, PyObject *text);                                 /* _words.c */
PyObject *wv_padded_lower(PyObject *module, PyObject *const *args, Py_ssize_t nargs);       /* _case.c */
void wv_case_init(void);                                                                     /* _case.c */

#endif
