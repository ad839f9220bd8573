/* The C text scans of the rules, one extension module built with the compiled rules (scripts/compile_rules.py)
 * and used only with that build; each function is tested against the Python it stands for, which stays the
 * fallback: the word scan of the paragraph index (_word_scan.c), substring, prefix and suffix tests of several
 * words (_needles.c), the word-level edits of the action phrases (_words.c) and the lower case of the paragraph
 * index (_case.c).
 */
#include "_text_scan.h"

unsigned char wv_latin1_word[256];

static PyMethodDef methods[] = {
    {"word_tables", wv_word_tables, METH_VARARGS,
     "word_tables(exact, prefix) -> the tables of the cue words for scan_words."},
    {"scan_words", wv_scan_words, METH_VARARGS,
     "scan_words(text, tables, firsts) -> (starts, bits, heads): the cue words of a lower-cased text."},
    {"contains_any", (PyCFunction)(void (*)(void))wv_contains_any, METH_FASTCALL,
     "contains_any(text, needles, start=0, end=None) -> bool: whether one of the needles occurs in the slice."},
    {"remove_words", (PyCFunction)(void (*)(void))wv_remove_words, METH_FASTCALL,
     "remove_words(text, words) -> str: the text without those whole words and the white space after each."},
    {"spaced_words", wv_spaced_words, METH_O,
     "spaced_words(text) -> int: its number of words when single spaces alone separate them, else -1."},
    {"present_mask", (PyCFunction)(void (*)(void))wv_present_mask, METH_FASTCALL,
     "present_mask(text, needles, start=0, end=None) -> int: bit k set where needle k occurs in the slice."},
    {"starts_with_any", (PyCFunction)(void (*)(void))wv_starts_with_any, METH_FASTCALL,
     "starts_with_any(text, prefixes) -> bool: text.startswith(prefixes), for a tuple of str."},
    {"ends_with_any", (PyCFunction)(void (*)(void))wv_ends_with_any, METH_FASTCALL,
     "ends_with_any(text, suffixes) -> bool: text.endswith(suffixes), for a tuple of str."},
    {"padded_lower", (PyCFunction)(void (*)(void))wv_padded_lower, METH_FASTCALL,
     "padded_lower(text, start, end) -> str: ' ' + text[start:end].lower() + ' ', or '' where a character lowers "
     "to more than one."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_text_scan", "Text scans of the rules in C (see _text_scan.c).", -1, methods,
};

PyMODINIT_FUNC
PyInit__text_scan(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        wv_latin1_word[ch] = Py_UNICODE_ISALNUM(ch) || ch == '_';
    }
    wv_case_init();
    return PyModule_Create(&module);
}
