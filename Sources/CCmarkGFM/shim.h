#ifndef KURSUS_CCMARKGFM_SHIM_H
#define KURSUS_CCMARKGFM_SHIM_H
// cmark-gfm core and the GFM extensions (table, strikethrough, tasklist, autolink).
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
