// libxml2's headers include ICU's when the system build enables it; Swift's Foundation ships
// its own ICU, and the two clash in one module. Mingjian never uses libxml2's ICU conversions,
// so the switch is turned off before the rest of libxml2 is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
