#ifndef HELPDESK_SEARCH_H
#define HELPDESK_SEARCH_H

#include <sqlite3.h>

/// Registers the FTS5 tokenizer `helpdesk` on `db`: Arabic text normalised (diacritics and tatweel
/// dropped, alef, yeh, teh marbuta and hamza forms folded, Arabic-Indic digits as ASCII, the
/// article and its attached prepositions taken off), then English stems (porter) over unicode61
/// with diacritics removed. Offsets refer to the original
/// text, so highlight() and snippet() mark the words as they were written.
/// Also registers the FTS5 function `helpdesk_rank(table)`: BM25 without the inverse document
/// frequency, cheap per row. Returns an SQLite status code.
int helpdesk_search_register(sqlite3 *db);

/// Calls `xToken` with every term the `helpdesk` tokenizer makes of `text` (its bytes, and the byte
/// offsets of the word in `text`), as FTS5 would index it; `db` is any connection with FTS5, for
/// the porter tokenizer underneath. For databases that index the same terms themselves (PostgreSQL).
/// Returns an SQLite status code.
int helpdesk_search_terms(
    sqlite3 *db, const char *text, int length, void *context,
    int (*xToken)(void *context, int flags, const char *token, int tokenLength, int start, int end));

#endif
