/*
 * rv_test.h
 *	  A minimal unit-test harness for the pg_review core.
 *
 * Each test_*.c file defines tests with RV_TEST(name) { ... }; a constructor
 * registers them, so adding a file to test/unit/ is all it takes.  The runner
 * (test_main.c) prints one line per test and a final "N passed, N failed".
 */
#ifndef RV_TEST_H
#define RV_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*rv_test_fn) (void);

extern void rv_test_register(const char *name, rv_test_fn fn);
extern void rv_test_fail(const char *file, int line, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

#define RV_TEST(name) \
	static void name(void); \
	__attribute__((constructor)) static void name##_register(void) \
	{ rv_test_register(#name, name); } \
	static void name(void)

#define CHECK(cond) \
	do { if (!(cond)) { rv_test_fail(__FILE__, __LINE__, "%s", #cond); return; } } while (0)

#define CHECK_EQ_INT(a, b) \
	do { long long _a = (long long) (a), _b = (long long) (b); \
		 if (_a != _b) { rv_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, _a, _b); return; } } while (0)

#define CHECK_EQ_STR(a, b) \
	do { const char *_a = (a), *_b = (b); \
		 if (_a == NULL || strcmp(_a, _b) != 0) { rv_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, _a ? _a : "(null)", _b); return; } } while (0)

#define CHECK_EQ_MEM(a, alen, b) \
	do { const char *_b = (b); size_t _bl = strlen(_b); \
		 if ((size_t) (alen) != _bl || memcmp((a), _b, _bl) != 0) { rv_test_fail(__FILE__, __LINE__, "%s == \"%.*s\", expected \"%s\"", #a, (int) (alen), (a), _b); return; } } while (0)

#endif							/* RV_TEST_H */
