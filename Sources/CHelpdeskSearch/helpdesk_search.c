#include "helpdesk_search.h"

#include <string.h>

typedef struct HelpdeskTokenizer {
    fts5_tokenizer inner;
    Fts5Tokenizer *innerInstance;
} HelpdeskTokenizer;

typedef struct TokenContext {
    void *callerContext;
    int (*xToken)(void *, int, const char *, int, int, int);
    const int *offsets;
} TokenContext;

static fts5_api *helpdesk_fts5_api(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

/// Reads one UTF-8 code point at `text[*index]` and moves past it; -1 for a byte that starts no
/// complete sequence (it is copied as it is).
static long next_code_point(const unsigned char *text, int length, int *index) {
    unsigned int byte = text[*index];
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
    if (byte >= 0x80 && (extra == 0 || *index + extra >= length)) {
        *index += 1;
        return -1;
    }
    unsigned int point = extra == 0 ? byte : byte & (0x3F >> extra);
    for (int i = 1; i <= extra; i++) point = (point << 6) | (text[*index + i] & 0x3F);
    *index += 1 + extra;
    return point;
}

static int put_code_point(unsigned int point, unsigned char *out) {
    if (point < 0x80) { out[0] = (unsigned char)point; return 1; }
    if (point < 0x800) { out[0] = 0xC0 | (point >> 6); out[1] = 0x80 | (point & 0x3F); return 2; }
    if (point < 0x10000) {
        out[0] = 0xE0 | (point >> 12); out[1] = 0x80 | ((point >> 6) & 0x3F); out[2] = 0x80 | (point & 0x3F);
        return 3;
    }
    out[0] = 0xF0 | (point >> 18); out[1] = 0x80 | ((point >> 12) & 0x3F);
    out[2] = 0x80 | ((point >> 6) & 0x3F); out[3] = 0x80 | (point & 0x3F);
    return 4;
}

/// What an Arabic code point becomes: 0 to drop it, or the code point to write.
static unsigned int fold_arabic(unsigned int point) {
    if (point == 0x0640) return 0;                                    /* tatweel */
    if (point >= 0x064B && point <= 0x065F) return 0;                 /* harakat, shadda, sukun… */
    if (point == 0x0670 || (point >= 0x06D6 && point <= 0x06ED)) return 0;
    if (point == 0x0622 || point == 0x0623 || point == 0x0625 || point == 0x0671) return 0x0627;  /* alef forms */
    if (point == 0x0649 || point == 0x0626) return 0x064A;           /* alef maksura, yeh with hamza */
    if (point == 0x0624) return 0x0648;                               /* waw with hamza */
    if (point == 0x0629) return 0x0647;                               /* teh marbuta */
    if (point >= 0x0660 && point <= 0x0669) return '0' + (point - 0x0660);
    if (point >= 0x06F0 && point <= 0x06F9) return '0' + (point - 0x06F0);
    return point;
}

/// Arabic prefixes a word loses before it is indexed or searched for (light stemming): the article
/// and the article after a conjunction or preposition. Longest first.
static const char *const arabic_prefixes[] = {
    "\xD9\x88\xD8\xA7\xD9\x84", /* وال */
    "\xD8\xA8\xD8\xA7\xD9\x84", /* بال */
    "\xD9\x83\xD8\xA7\xD9\x84", /* كال */
    "\xD9\x81\xD8\xA7\xD9\x84", /* فال */
    "\xD8\xA7\xD9\x84",           /* ال */
    "\xD9\x84\xD9\x84",           /* لل */
};

static int token_in_original(void *context, int flags, const char *token, int length, int start, int end) {
    TokenContext *tokens = (TokenContext *)context;
    for (size_t i = 0; i < sizeof(arabic_prefixes) / sizeof(arabic_prefixes[0]); i++) {
        int prefix = (int)strlen(arabic_prefixes[i]);
        /* Keep at least two Arabic letters (two bytes each) after the prefix. */
        if (length >= prefix + 4 && memcmp(token, arabic_prefixes[i], prefix) == 0) {
            token += prefix;
            length -= prefix;
            break;
        }
    }
    return tokens->xToken(tokens->callerContext, flags, token, length, tokens->offsets[start], tokens->offsets[end]);
}

static int helpdesk_tokenize(
    Fts5Tokenizer *instance, void *context, int flags, const char *text, int length,
    int (*xToken)(void *, int, const char *, int, int, int)
) {
    HelpdeskTokenizer *tokenizer = (HelpdeskTokenizer *)instance;
    /* Folding never makes text longer, so the original length bounds the normalised one. */
    unsigned char *normal = sqlite3_malloc64((sqlite3_uint64)length + 1);
    int *offsets = sqlite3_malloc64(((sqlite3_uint64)length + 1) * sizeof(int));
    if (!normal || !offsets) {
        sqlite3_free(normal);
        sqlite3_free(offsets);
        return SQLITE_NOMEM;
    }
    const unsigned char *input = (const unsigned char *)text;
    int written = 0, index = 0;
    while (index < length) {
        int start = index;
        long read = next_code_point(input, length, &index);
        unsigned char bytes[4];
        int count = 1;
        if (read < 0) {
            bytes[0] = input[start];
        } else {
            unsigned int point = fold_arabic((unsigned int)read);
            if (point == 0) continue;
            count = put_code_point(point, bytes);
        }
        if (written + count > length) break;
        for (int i = 0; i < count; i++) {
            normal[written] = bytes[i];
            offsets[written++] = start;
        }
    }
    offsets[written] = length;
    TokenContext tokens = { context, xToken, offsets };
    int status = tokenizer->inner.xTokenize(tokenizer->innerInstance, &tokens, flags, (const char *)normal, written, token_in_original);
    sqlite3_free(normal);
    sqlite3_free(offsets);
    return status;
}

static int helpdesk_create(void *api, const char **arguments, int argumentCount, Fts5Tokenizer **out) {
    (void)arguments;
    (void)argumentCount;
    fts5_api *fts5 = (fts5_api *)api;
    HelpdeskTokenizer *tokenizer = sqlite3_malloc(sizeof(HelpdeskTokenizer));
    if (!tokenizer) return SQLITE_NOMEM;
    memset(tokenizer, 0, sizeof(HelpdeskTokenizer));
    void *porterData = 0;
    int status = fts5->xFindTokenizer(fts5, "porter", &porterData, &tokenizer->inner);
    if (status == SQLITE_OK) {
        const char *innerArguments[] = { "unicode61", "remove_diacritics", "2" };
        status = tokenizer->inner.xCreate(porterData, innerArguments, 3, &tokenizer->innerInstance);
    }
    if (status != SQLITE_OK) {
        sqlite3_free(tokenizer);
        return status;
    }
    *out = (Fts5Tokenizer *)tokenizer;
    return SQLITE_OK;
}

static void helpdesk_delete(Fts5Tokenizer *instance) {
    HelpdeskTokenizer *tokenizer = (HelpdeskTokenizer *)instance;
    if (tokenizer->innerInstance) tokenizer->inner.xDelete(tokenizer->innerInstance);
    sqlite3_free(tokenizer);
}

/// helpdesk_rank(table): BM25 without the inverse document frequency (k1 = 1.2, b = 0.75), negated
/// so that lower is better as with bm25(). Everything it reads belongs to the row or is kept by the
/// index (row count, total size), so scoring a row costs the same however common its words are;
/// bm25() counts each word's rows anew for every query.
static void helpdesk_rank(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argumentCount, sqlite3_value **arguments
) {
    (void)argumentCount;
    (void)arguments;
    const double k1 = 1.2, b = 0.75;
    int phrases = api->xPhraseCount(fts), instances = 0, length = 0;
    sqlite3_int64 rows = 0, total = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, -1, &total) != SQLITE_OK
        || api->xColumnSize(fts, -1, &length) != SQLITE_OK || api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "helpdesk_rank: cannot read the row", -1);
        return;
    }
    int *frequencies = sqlite3_malloc64((sqlite3_uint64)(phrases > 0 ? phrases : 1) * sizeof(int));
    if (!frequencies) {
        sqlite3_result_error_nomem(context);
        return;
    }
    memset(frequencies, 0, (size_t)(phrases > 0 ? phrases : 1) * sizeof(int));
    for (int i = 0; i < instances; i++) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases) frequencies[phrase]++;
    }
    double average = rows > 0 && total > 0 ? (double)total / (double)rows : 1.0;
    double score = 0;
    for (int phrase = 0; phrase < phrases; phrase++) {
        double frequency = frequencies[phrase];
        score += frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * (double)length / average));
    }
    sqlite3_free(frequencies);
    sqlite3_result_double(context, -score);
}

int helpdesk_search_register(sqlite3 *db) {
    fts5_api *api = helpdesk_fts5_api(db);
    if (!api) return SQLITE_ERROR;
    static fts5_tokenizer tokenizer = { helpdesk_create, helpdesk_delete, helpdesk_tokenize };
    int status = api->xCreateTokenizer(api, "helpdesk", (void *)api, &tokenizer, 0);
    if (status != SQLITE_OK) return status;
    return api->xCreateFunction(api, "helpdesk_rank", 0, helpdesk_rank, 0);
}

int helpdesk_search_terms(
    sqlite3 *db, const char *text, int length, void *context,
    int (*xToken)(void *, int, const char *, int, int, int)
) {
    fts5_api *api = helpdesk_fts5_api(db);
    if (!api) return SQLITE_ERROR;
    Fts5Tokenizer *instance = 0;
    int status = helpdesk_create(api, 0, 0, &instance);
    if (status != SQLITE_OK) return status;
    status = helpdesk_tokenize(instance, context, FTS5_TOKENIZE_DOCUMENT, text, length, xToken);
    helpdesk_delete(instance);
    return status;
}
