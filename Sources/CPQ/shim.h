// libpq, PostgreSQL's C client: only FrontlineStore imports this module.
#include <libpq-fe.h>
