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

#endif
