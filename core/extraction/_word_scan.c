/* The paragraph index's word scan (core/extraction/cue_index.py, ``CueIndex``): every word of a lower-cased text
 * that is a cue word or starts with a cue word's 4-letter prefix, with its offset.
 *
 * It gives what the scan regex ``cue_index._SCAN`` finds, without a regex: a word is a maximal run of word
 * characters (``\w`` of a str pattern: alphanumeric or "_"), and it is taken when the whole word is a key of
 * ``exact`` or its first four characters are a key of ``prefix``. A test holds both to the same results.
 * The regex engine tries a match at every non-word character (a few hundred instructions each); this loop
 * reads each character once and looks a word up only when the filter key of its first four characters is
 * set in ``firsts`` (a bitmap the index computes from the tables with ``cue_index.filter_key``). The tables are
 * copied once into hash tables of code points (``word_tables``), so that a lookup makes no string.
 */
#include "_text_scan.h"

#define TABLES_NAME "core.extraction._text_scan.word_tables"

/* The filter key of a word: a hash of its first (up to) four characters, as ``cue_index.filter_key`` computes it. */
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

/* FNV-1a over code points: the slot a key or a word of the text hashes to. */
static inline uint32_t
chars_hash(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    uint32_t h = 2166136261u;
    for (Py_ssize_t k = start; k < end; k++) {
        h = (h ^ (uint32_t)PyUnicode_READ(kind, data, k)) * 16777619u;
    }
    return h;
}

typedef struct {
    PyObject *value;  /* the key's value (a strong reference), NULL in an empty slot */
    Py_UCS4 *chars;   /* the key's code points */
    Py_ssize_t length;
    uint32_t hash;
    int sure;         /* whether the value is true */
} Slot;

typedef struct {
    Slot *slots;
    size_t mask;  /* number of slots - 1 (a power of two, at least twice the number of keys) */
} Table;

typedef struct {
    Table exact, prefix;
} Tables;

static void
table_clear(Table *table)
{
    if (table->slots == NULL) {
        return;
    }
    for (size_t k = 0; k <= table->mask; k++) {
        Py_XDECREF(table->slots[k].value);
        PyMem_Free(table->slots[k].chars);
    }
    PyMem_Free(table->slots);
    table->slots = NULL;
}

/* Fill ``table`` from a dict of str keys; -1 on error. */
static int
table_fill(Table *table, PyObject *dict)
{
    size_t size = 8;
    while (size < 2 * (size_t)PyDict_GET_SIZE(dict)) {
        size *= 2;
    }
    table->slots = PyMem_Calloc(size, sizeof(Slot));
    if (table->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    table->mask = size - 1;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "the tables' keys must be str");
            return -1;
        }
        int sure = PyObject_IsTrue(value);
        if (sure < 0) {
            return -1;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(key);
        uint32_t hash = chars_hash(PyUnicode_KIND(key), PyUnicode_DATA(key), 0, length);
        size_t k = hash & table->mask;
        while (table->slots[k].value != NULL) {
            k = (k + 1) & table->mask;
        }
        Slot *slot = &table->slots[k];
        slot->chars = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(length > 0 ? length : 1));
        if (slot->chars == NULL || PyUnicode_AsUCS4(key, slot->chars, length, 0) == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_NoMemory();
            }
            return -1;
        }
        slot->value = Py_NewRef(value);
        slot->length = length;
        slot->hash = hash;
        slot->sure = sure;
    }
    return 0;
}

/* The slot of the key equal to ``text[start:end]``, or NULL. */
static inline const Slot *
table_find(const Table *table, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    uint32_t hash = chars_hash(kind, data, start, end);
    for (size_t k = hash & table->mask; table->slots[k].value != NULL; k = (k + 1) & table->mask) {
        const Slot *slot = &table->slots[k];
        if (slot->hash == hash && slot->length == end - start) {
            Py_ssize_t c = 0;
            while (c < slot->length && slot->chars[c] == PyUnicode_READ(kind, data, start + c)) {
                c++;
            }
            if (c == slot->length) {
                return slot;
            }
        }
    }
    return NULL;
}

static void
tables_free(PyObject *capsule)
{
    Tables *tables = PyCapsule_GetPointer(capsule, TABLES_NAME);
    if (tables != NULL) {
        table_clear(&tables->exact);
        table_clear(&tables->prefix);
        PyMem_Free(tables);
    }
}

/* word_tables(exact, prefix) -> the two dicts (str keys) as hash tables for scan_words. */
PyObject *
wv_word_tables(PyObject *module, PyObject *args)
{
    PyObject *exact, *prefix;
    if (!PyArg_ParseTuple(args, "O!O!", &PyDict_Type, &exact, &PyDict_Type, &prefix)) {
        return NULL;
    }
    Tables *tables = PyMem_Calloc(1, sizeof(Tables));
    if (tables == NULL) {
        return PyErr_NoMemory();
    }
    if (table_fill(&tables->exact, exact) < 0 || table_fill(&tables->prefix, prefix) < 0) {
        table_clear(&tables->exact);
        table_clear(&tables->prefix);
        PyMem_Free(tables);
        return NULL;
    }
    PyObject *capsule = PyCapsule_New(tables, TABLES_NAME, tables_free);
    if (capsule == NULL) {
        table_clear(&tables->exact);
        table_clear(&tables->prefix);
        PyMem_Free(tables);
    }
    return capsule;
}

/* scan_words(text, tables, firsts) -> (starts, bits, heads): each word's offset, bits and the length of its head
 * (its first four characters or fewer), which names the phrases that can start there. */
PyObject *
wv_scan_words(PyObject *module, PyObject *args)
{
    PyObject *text, *capsule;
    Py_buffer firsts;
    if (!PyArg_ParseTuple(args, "UOy*", &text, &capsule, &firsts)) {
        return NULL;
    }
    PyObject *starts = PyList_New(0), *bits = PyList_New(0), *heads = PyList_New(0), *result = NULL;
    const Tables *tables = PyCapsule_GetPointer(capsule, TABLES_NAME);
    if (starts == NULL || bits == NULL || heads == NULL || tables == NULL) {
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
            const Slot *slot = table_find(&tables->exact, kind, data, i, end);
            if ((slot == NULL || !slot->sure) && end - i >= 4) {
                /* not a word of the tables: its first four letters may be a prefix */
                slot = table_find(&tables->prefix, kind, data, i, i + 4);
            }
            if (slot != NULL) {
                PyObject *offset = PyLong_FromSsize_t(i);
                PyObject *head_length = PyLong_FromSsize_t(end - i < 4 ? end - i : 4);
                int failed = offset == NULL || head_length == NULL || PyList_Append(starts, offset) < 0
                    || PyList_Append(bits, slot->value) < 0 || PyList_Append(heads, head_length) < 0;
                Py_XDECREF(offset);
                Py_XDECREF(head_length);
                if (failed) {
                    goto done;
                }
            }
        }
        i = end;
    }
    result = PyTuple_Pack(3, starts, bits, heads);
done:
    PyBuffer_Release(&firsts);
    Py_XDECREF(starts);
    Py_XDECREF(bits);
    Py_XDECREF(heads);
    return result;
}
