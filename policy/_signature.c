/* policy._signature: the MinHash text signature of policy/fingerprint.py, in C.
 *
 * signature_of_normalized(normalized: str) -> bytes returns, byte for byte,
 * what policy.fingerprint.python_signature_of_normalized returns:
 *
 *   compact = the text without its U+0020 spaces;
 *   shingles = every run of 4 code points of compact (compact itself when it
 *              has 1 to 4 code points; none when it is empty);
 *   words = the runs of code points between U+0020 spaces, of 2 or more;
 *   hash(shingle) = CRC-32 (zlib's) of its UTF-8 bytes, times 0x9E3779B1 mod 2^32;
 *   hash(word, j) = CRC-32 of 0xFF, j, then its UTF-8 bytes, times 0x9E3779B1,
 *                   for j = 0 .. WORD_WEIGHT - 1 (each word weighs 3 features);
 *   bin = top 5 bits of the hash, value = the low 27 bits, minimum per bin;
 *   empty bins borrow the next filled bin's value + 37 * distance;
 *   byte = value % 255 + 1 (32 zero bytes for an empty text).
 *
 * Deduplicating and sorting the hashes (as the Python does) does not change a
 * minimum, so neither is done here. A lone surrogate cannot be encoded in
 * UTF-8: like the Python, the function raises UnicodeEncodeError.
 *
 * Plain C99, no dependencies, no mutable global state.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define SIGNATURE_BYTES 32
#define SHINGLE 4
#define WORD_WEIGHT 3
#define WORD_MIN 2
#define GOLDEN 0x9E3779B1u
#define BIN_SHIFT 27
#define VALUE_MASK ((1u << BIN_SHIFT) - 1u)
#define EMPTY UINT32_MAX
#define STACK_CODE_POINTS 512

/* CRC-32, reflected polynomial 0xEDB88320 (zlib's crc32), one byte at a time. */
static const uint32_t crc_table[256] = {
    0x00000000u, 0x77073096u, 0xee0e612cu, 0x990951bau, 0x076dc419u, 0x706af48fu,
    0xe963a535u, 0x9e6495a3u, 0x0edb8832u, 0x79dcb8a4u, 0xe0d5e91eu, 0x97d2d988u,
    0x09b64c2bu, 0x7eb17cbdu, 0xe7b82d07u, 0x90bf1d91u, 0x1db71064u, 0x6ab020f2u,
    0xf3b97148u, 0x84be41deu, 0x1adad47du, 0x6ddde4ebu, 0xf4d4b551u, 0x83d385c7u,
    0x136c9856u, 0x646ba8c0u, 0xfd62f97au, 0x8a65c9ecu, 0x14015c4fu, 0x63066cd9u,
    0xfa0f3d63u, 0x8d080df5u, 0x3b6e20c8u, 0x4c69105eu, 0xd56041e4u, 0xa2677172u,
    0x3c03e4d1u, 0x4b04d447u, 0xd20d85fdu, 0xa50ab56bu, 0x35b5a8fau, 0x42b2986cu,
    0xdbbbc9d6u, 0xacbcf940u, 0x32d86ce3u, 0x45df5c75u, 0xdcd60dcfu, 0xabd13d59u,
    0x26d930acu, 0x51de003au, 0xc8d75180u, 0xbfd06116u, 0x21b4f4b5u, 0x56b3c423u,
    0xcfba9599u, 0xb8bda50fu, 0x2802b89eu, 0x5f058808u, 0xc60cd9b2u, 0xb10be924u,
    0x2f6f7c87u, 0x58684c11u, 0xc1611dabu, 0xb6662d3du, 0x76dc4190u, 0x01db7106u,
    0x98d220bcu, 0xefd5102au, 0x71b18589u, 0x06b6b51fu, 0x9fbfe4a5u, 0xe8b8d433u,
    0x7807c9a2u, 0x0f00f934u, 0x9609a88eu, 0xe10e9818u, 0x7f6a0dbbu, 0x086d3d2du,
    0x91646c97u, 0xe6635c01u, 0x6b6b51f4u, 0x1c6c6162u, 0x856530d8u, 0xf262004eu,
    0x6c0695edu, 0x1b01a57bu, 0x8208f4c1u, 0xf50fc457u, 0x65b0d9c6u, 0x12b7e950u,
    0x8bbeb8eau, 0xfcb9887cu, 0x62dd1ddfu, 0x15da2d49u, 0x8cd37cf3u, 0xfbd44c65u,
    0x4db26158u, 0x3ab551ceu, 0xa3bc0074u, 0xd4bb30e2u, 0x4adfa541u, 0x3dd895d7u,
    0xa4d1c46du, 0xd3d6f4fbu, 0x4369e96au, 0x346ed9fcu, 0xad678846u, 0xda60b8d0u,
    0x44042d73u, 0x33031de5u, 0xaa0a4c5fu, 0xdd0d7cc9u, 0x5005713cu, 0x270241aau,
    0xbe0b1010u, 0xc90c2086u, 0x5768b525u, 0x206f85b3u, 0xb966d409u, 0xce61e49fu,
    0x5edef90eu, 0x29d9c998u, 0xb0d09822u, 0xc7d7a8b4u, 0x59b33d17u, 0x2eb40d81u,
    0xb7bd5c3bu, 0xc0ba6cadu, 0xedb88320u, 0x9abfb3b6u, 0x03b6e20cu, 0x74b1d29au,
    0xead54739u, 0x9dd277afu, 0x04db2615u, 0x73dc1683u, 0xe3630b12u, 0x94643b84u,
    0x0d6d6a3eu, 0x7a6a5aa8u, 0xe40ecf0bu, 0x9309ff9du, 0x0a00ae27u, 0x7d079eb1u,
    0xf00f9344u, 0x8708a3d2u, 0x1e01f268u, 0x6906c2feu, 0xf762575du, 0x806567cbu,
    0x196c3671u, 0x6e6b06e7u, 0xfed41b76u, 0x89d32be0u, 0x10da7a5au, 0x67dd4accu,
    0xf9b9df6fu, 0x8ebeeff9u, 0x17b7be43u, 0x60b08ed5u, 0xd6d6a3e8u, 0xa1d1937eu,
    0x38d8c2c4u, 0x4fdff252u, 0xd1bb67f1u, 0xa6bc5767u, 0x3fb506ddu, 0x48b2364bu,
    0xd80d2bdau, 0xaf0a1b4cu, 0x36034af6u, 0x41047a60u, 0xdf60efc3u, 0xa867df55u,
    0x316e8eefu, 0x4669be79u, 0xcb61b38cu, 0xbc66831au, 0x256fd2a0u, 0x5268e236u,
    0xcc0c7795u, 0xbb0b4703u, 0x220216b9u, 0x5505262fu, 0xc5ba3bbeu, 0xb2bd0b28u,
    0x2bb45a92u, 0x5cb36a04u, 0xc2d7ffa7u, 0xb5d0cf31u, 0x2cd99e8bu, 0x5bdeae1du,
    0x9b64c2b0u, 0xec63f226u, 0x756aa39cu, 0x026d930au, 0x9c0906a9u, 0xeb0e363fu,
    0x72076785u, 0x05005713u, 0x95bf4a82u, 0xe2b87a14u, 0x7bb12baeu, 0x0cb61b38u,
    0x92d28e9bu, 0xe5d5be0du, 0x7cdcefb7u, 0x0bdbdf21u, 0x86d3d2d4u, 0xf1d4e242u,
    0x68ddb3f8u, 0x1fda836eu, 0x81be16cdu, 0xf6b9265bu, 0x6fb077e1u, 0x18b74777u,
    0x88085ae6u, 0xff0f6a70u, 0x66063bcau, 0x11010b5cu, 0x8f659effu, 0xf862ae69u,
    0x616bffd3u, 0x166ccf45u, 0xa00ae278u, 0xd70dd2eeu, 0x4e048354u, 0x3903b3c2u,
    0xa7672661u, 0xd06016f7u, 0x4969474du, 0x3e6e77dbu, 0xaed16a4au, 0xd9d65adcu,
    0x40df0b66u, 0x37d83bf0u, 0xa9bcae53u, 0xdebb9ec5u, 0x47b2cf7fu, 0x30b5ffe9u,
    0xbdbdf21cu, 0xcabac28au, 0x53b39330u, 0x24b4a3a6u, 0xbad03605u, 0xcdd70693u,
    0x54de5729u, 0x23d967bfu, 0xb3667a2eu, 0xc4614ab8u, 0x5d681b02u, 0x2a6f2b94u,
    0xb40bbe37u, 0xc30c8ea1u, 0x5a05df1bu, 0x2d02ef8du,
};

/* zlib.crc32(p[:n], crc): the CRC-32 of what crc covered, then p[:n]. */
static uint32_t
crc32_update(uint32_t crc, const unsigned char *p, Py_ssize_t n)
{
    uint32_t c = crc ^ 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < n; i++) {
        c = crc_table[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}

/* Fold one feature's CRC into the per-bin minima. */
static void
add_crc(uint32_t *mins, uint32_t crc)
{
    uint32_t mixed = crc * GOLDEN; /* uint32_t arithmetic: mod 2^32 */
    uint32_t slot = mixed >> BIN_SHIFT;
    uint32_t value = mixed & VALUE_MASK;
    if (value < mins[slot]) {
        mins[slot] = value;
    }
}

/* Fold one shingle's bytes into the per-bin minima. */
static void
add_shingle(uint32_t *mins, const unsigned char *p, Py_ssize_t n)
{
    add_crc(mins, crc32_update(0u, p, n));
}

/* Fold one word's bytes into the per-bin minima, WORD_WEIGHT times: each continues the
 * CRC of its prefix (seeds[j] = CRC-32 of 0xFF, j). */
static void
add_word(uint32_t *mins, const uint32_t *seeds, const unsigned char *p, Py_ssize_t n)
{
    for (int j = 0; j < WORD_WEIGHT; j++) {
        add_crc(mins, crc32_update(seeds[j], p, n));
    }
}

/* UTF-8 bytes of one code point (no surrogates: checked by the caller). */
static Py_ssize_t
put_utf8(unsigned char *out, Py_UCS4 ch)
{
    if (ch < 0x80) {
        out[0] = (unsigned char)ch;
        return 1;
    }
    if (ch < 0x800) {
        out[0] = (unsigned char)(0xC0 | (ch >> 6));
        out[1] = (unsigned char)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (ch >> 12));
        out[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (ch & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (ch >> 18));
    out[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (ch & 0x3F));
    return 4;
}

/* The 32 signature bytes from the per-bin minima (at least one bin filled). */
static PyObject *
finish(const uint32_t *mins)
{
    unsigned char out[SIGNATURE_BYTES];
    for (int slot = 0; slot < SIGNATURE_BYTES; slot++) {
        /* Densification: an empty bin borrows the next filled bin's value,
         * shifted by the distance (0 for a filled bin). */
        int distance = 0;
        while (mins[(slot + distance) % SIGNATURE_BYTES] == EMPTY) {
            distance++;
        }
        uint32_t value = mins[(slot + distance) % SIGNATURE_BYTES] + 37u * (uint32_t)distance;
        out[slot] = (unsigned char)(value % 255u + 1u);
    }
    return PyBytes_FromStringAndSize((const char *)out, SIGNATURE_BYTES);
}

static PyObject *
signature_of_normalized(PyObject *module, PyObject *arg)
{
    (void)module;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "signature_of_normalized() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(arg) < 0) {
        return NULL;
    }
#endif
    Py_ssize_t length = PyUnicode_GET_LENGTH(arg);
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);

    uint32_t mins[SIGNATURE_BYTES];
    for (int slot = 0; slot < SIGNATURE_BYTES; slot++) {
        mins[slot] = EMPTY;
    }

    /* Room for the compact text's UTF-8 bytes (at most 4 per code point) and,
     * outside the ASCII case, where each code point starts. */
    unsigned char stack_bytes[4 * STACK_CODE_POINTS];
    Py_ssize_t stack_starts[STACK_CODE_POINTS + 1];
    /* Where each word starts and ends in the compact text (code points). */
    Py_ssize_t stack_words[STACK_CODE_POINTS + 1];
    unsigned char *bytes = stack_bytes;
    Py_ssize_t *starts = stack_starts;
    Py_ssize_t *word_at = stack_words;
    int ascii = PyUnicode_IS_ASCII(arg);
    if (length > STACK_CODE_POINTS) {
        bytes = PyMem_Malloc((size_t)(ascii ? length : 4 * length));
        starts = ascii ? NULL : PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(length + 1));
        word_at = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(length + 2));
        if (bytes == NULL || (!ascii && starts == NULL) || word_at == NULL) {
            PyMem_Free(bytes);
            PyMem_Free(starts);
            PyMem_Free(word_at);
            return PyErr_NoMemory();
        }
    }
    Py_ssize_t bounds = 0; /* entries of word_at: a start, then its end, per word */

    PyObject *result = NULL;
    Py_ssize_t count = 0; /* code points in the compact text */
    Py_ssize_t used = 0;  /* its UTF-8 bytes */
    if (ascii) {
        /* ASCII: one byte per code point, shingle i is bytes[i .. i + 4). */
        const unsigned char *chars = (const unsigned char *)data;
        for (Py_ssize_t i = 0; i < length; i++) {
            if (chars[i] != ' ') {
                if (bounds % 2 == 0) {
                    word_at[bounds++] = count;
                }
                bytes[count++] = chars[i];
            }
            else if (bounds % 2 == 1) {
                word_at[bounds++] = count;
            }
        }
        used = count;
        if (count > SHINGLE) {
            for (Py_ssize_t i = 0; i + SHINGLE <= count; i++) {
                add_shingle(mins, bytes + i, SHINGLE);
            }
        }
    }
    else {
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch == ' ') {
                if (bounds % 2 == 1) {
                    word_at[bounds++] = count;
                }
                continue;
            }
            if (bounds % 2 == 0) {
                word_at[bounds++] = count;
            }
            if (ch >= 0xD800 && ch <= 0xDFFF) {
                /* Not encodable: let the codec raise its UnicodeEncodeError,
                 * the error the Python's shingle.encode("utf-8") raises. */
                PyObject *encoded = PyUnicode_AsUTF8String(arg);
                if (encoded != NULL) { /* cannot happen: the text has a surrogate */
                    Py_DECREF(encoded);
                    PyErr_SetString(PyExc_SystemError, "a surrogate was encoded");
                }
                goto done;
            }
            starts[count++] = used;
            used += put_utf8(bytes + used, ch);
        }
        starts[count] = used;
        if (count > SHINGLE) {
            for (Py_ssize_t i = 0; i + SHINGLE <= count; i++) {
                add_shingle(mins, bytes + starts[i], starts[i + SHINGLE] - starts[i]);
            }
        }
    }
    if (count == 0) {
        result = PyBytes_FromStringAndSize(NULL, SIGNATURE_BYTES);
        if (result != NULL) {
            memset(PyBytes_AS_STRING(result), 0, SIGNATURE_BYTES);
        }
        goto done;
    }
    if (count <= SHINGLE) {
        add_shingle(mins, bytes, used); /* the whole compact text is the one shingle */
    }
    if (bounds % 2 == 1) {
        word_at[bounds++] = count; /* the last word ends with the text */
    }
    uint32_t seeds[WORD_WEIGHT];
    for (int j = 0; j < WORD_WEIGHT; j++) {
        const unsigned char prefix[2] = {0xFFu, (unsigned char)j};
        seeds[j] = crc32_update(0u, prefix, 2);
    }
    for (Py_ssize_t w = 0; w < bounds; w += 2) {
        Py_ssize_t first = word_at[w], end = word_at[w + 1];
        if (end - first < WORD_MIN) {
            continue;
        }
        if (ascii) {
            add_word(mins, seeds, bytes + first, end - first);
        }
        else {
            add_word(mins, seeds, bytes + starts[first], starts[end] - starts[first]);
        }
    }
    result = finish(mins);

done:
    if (bytes != stack_bytes) {
        PyMem_Free(bytes);
        PyMem_Free(starts);
        PyMem_Free(word_at);
    }
    return result;
}

static PyMethodDef methods[] = {
    {"signature_of_normalized", signature_of_normalized, METH_O,
     "signature_of_normalized(normalized: str) -> bytes\n\n"
     "The 32-byte MinHash signature of an already normalised text, byte for byte\n"
     "what policy.fingerprint.python_signature_of_normalized returns."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_multiple_interpreters
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "policy._signature",
    .m_doc = "C accelerator for policy.fingerprint.signature_of_normalized.",
    .m_size = 0,
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit__signature(void)
{
    return PyModuleDef_Init(&module_def);
}
