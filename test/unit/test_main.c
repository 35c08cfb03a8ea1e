/*
 * test_main.c
 *	  Runs every registered core unit test; "-v" lists each result.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "rv_test.h"
#include "rv_segment.h"

#define MAX_TESTS 1024

static struct
{
	const char *name;
	rv_test_fn	fn;
}			tests[MAX_TESTS];
static int	ntests;
static int	current_failed;

void
rv_test_register(const char *name, rv_test_fn fn)
{
	if (ntests >= MAX_TESTS)
	{
		fprintf(stderr, "too many tests\n");
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void
rv_test_fail(const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	fprintf(stderr, "  %s:%d: check failed: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	current_failed = 1;
}

int
main(int argc, char **argv)
{
	int			passed = 0,
				failed = 0;
	const char *only = NULL;
	int			verbose = 0;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else
			only = argv[i];
	}

	for (int i = 0; i < ntests; i++)
	{
		if (only && strstr(tests[i].name, only) == NULL)
			continue;
		current_failed = 0;
		tests[i].fn();
		if (current_failed)
		{
			failed++;
			printf("not ok - %s\n", tests[i].name);
		}
		else
		{
			passed++;
			if (verbose)
				printf("ok - %s\n", tests[i].name);
		}
	}
	rv_segment_reset();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
