/*
 * C ABI test for libp3p: struct layout, versioning, the IE6 table through
 * p3p_policy_parse + p3p_decide, argument checking, out-parameter
 * discipline, Set-Cookie rewriting, diagnostics, explain and the *_str
 * helpers. Links against libp3p.a or libp3p.so; see run.sh.
 *
 * Prints one line per failed check and "N passed, N failed" at the end;
 * exits non-zero when any check fails.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "p3p.h"

/* _Static_assert and _Alignof are C11; __extension__ keeps -std=c99
 * -pedantic quiet about them in gcc and clang. */
#define STATIC_ASSERT(cond, msg) __extension__ _Static_assert(cond, msg)
#define ALIGNOF(type) (__extension__ _Alignof(type))

STATIC_ASSERT(sizeof(p3p_policy) == 40, "p3p_policy is 40 bytes");
STATIC_ASSERT(ALIGNOF(p3p_policy) == 8, "p3p_policy is 8-aligned");
STATIC_ASSERT(offsetof(p3p_policy, tokens) == 0, "p3p_policy.tokens");
STATIC_ASSERT(offsetof(p3p_policy, always) == 8, "p3p_policy.always");
STATIC_ASSERT(offsetof(p3p_policy, opt_out) == 12, "p3p_policy.opt_out");
STATIC_ASSERT(offsetof(p3p_policy, opt_in) == 16, "p3p_policy.opt_in");
STATIC_ASSERT(offsetof(p3p_policy, flags) == 20, "p3p_policy.flags");
STATIC_ASSERT(offsetof(p3p_policy, word_count) == 24, "p3p_policy.word_count");
STATIC_ASSERT(offsetof(p3p_policy, invalid_count) == 28, "p3p_policy.invalid_count");
STATIC_ASSERT(offsetof(p3p_policy, mozilla) == 32, "p3p_policy.mozilla");
STATIC_ASSERT(offsetof(p3p_policy, reserved) == 36, "p3p_policy.reserved");
STATIC_ASSERT(sizeof(p3p_rule) == 40, "p3p_rule is 40 bytes");
STATIC_ASSERT(offsetof(p3p_rule, must_not) == 16, "p3p_rule.must_not");
STATIC_ASSERT(offsetof(p3p_rule, action) == 32, "p3p_rule.action");
STATIC_ASSERT(offsetof(p3p_rule, line) == 36, "p3p_rule.line");
STATIC_ASSERT(offsetof(p3p_rule_set, rules) == 16, "p3p_rule_set.rules");
STATIC_ASSERT(sizeof(p3p_rule_set) == 16 + 40 * P3P_PROFILE_MAX_RULES, "p3p_rule_set size");
STATIC_ASSERT(offsetof(p3p_profile, mozilla) == 8, "p3p_profile.mozilla");
STATIC_ASSERT(offsetof(p3p_profile, parties) == 40, "p3p_profile.parties");
STATIC_ASSERT(sizeof(p3p_profile) == 40 + 2 * sizeof(p3p_rule_set), "p3p_profile size");
STATIC_ASSERT(ALIGNOF(p3p_profile) == 8, "p3p_profile alignment");
STATIC_ASSERT(sizeof(p3p_profile_error) == 20 + P3P_PROFILE_ERROR_DETAIL_MAX, "p3p_profile_error size");
STATIC_ASSERT(offsetof(p3p_profile_error, detail) == 20, "p3p_profile_error.detail");

STATIC_ASSERT(sizeof(p3p_decision) == 8, "p3p_decision is two uint32_t");
STATIC_ASSERT(ALIGNOF(p3p_decision) == 4, "p3p_decision is 4-aligned");
STATIC_ASSERT(offsetof(p3p_decision, reason) == 4, "p3p_decision.reason");

STATIC_ASSERT(sizeof(p3p_grid) == 2 * 2 * 6 * sizeof(p3p_decision), "p3p_grid is 24 decisions");
STATIC_ASSERT(ALIGNOF(p3p_grid) == 4, "p3p_grid is 4-aligned");

STATIC_ASSERT(sizeof(p3p_cookie_decision) == 16 + 2 * sizeof(size_t), "p3p_cookie_decision size");
STATIC_ASSERT(ALIGNOF(p3p_cookie_decision) == ALIGNOF(size_t), "p3p_cookie_decision alignment");
STATIC_ASSERT(offsetof(p3p_cookie_decision, flags) == 12, "p3p_cookie_decision.flags");
STATIC_ASSERT(offsetof(p3p_cookie_decision, name_offset) == 16, "p3p_cookie_decision.name_offset");
STATIC_ASSERT(offsetof(p3p_cookie_decision, name_len) == 16 + sizeof(size_t), "p3p_cookie_decision.name_len");

STATIC_ASSERT(sizeof(p3p_cookie_plan) == 2 * sizeof(p3p_decision) + 4, "p3p_cookie_plan size");
STATIC_ASSERT(ALIGNOF(p3p_cookie_plan) == 4, "p3p_cookie_plan alignment");
STATIC_ASSERT(offsetof(p3p_cookie_plan, persistent) == 8, "p3p_cookie_plan.persistent");
STATIC_ASSERT(offsetof(p3p_cookie_plan, check) == 16, "p3p_cookie_plan.check");

STATIC_ASSERT(sizeof(p3p_diagnostic) == (sizeof(size_t) == 8 ? 32 : 20), "p3p_diagnostic size");
STATIC_ASSERT(ALIGNOF(p3p_diagnostic) == ALIGNOF(size_t), "p3p_diagnostic alignment");
STATIC_ASSERT(offsetof(p3p_diagnostic, offset) == 8, "p3p_diagnostic.offset");
STATIC_ASSERT(offsetof(p3p_diagnostic, len) == 8 + sizeof(size_t), "p3p_diagnostic.len");
STATIC_ASSERT(offsetof(p3p_diagnostic, detail) == 8 + 2 * sizeof(size_t), "p3p_diagnostic.detail");

STATIC_ASSERT(sizeof(p3p_status) == 4, "p3p_status is uint32_t");
STATIC_ASSERT(P3P_STATUS_OK == 0, "P3P_STATUS_OK is 0");
STATIC_ASSERT(P3P_ABI_VERSION >= 1, "P3P_ABI_VERSION");

static unsigned passed;
static unsigned failed;

static void check(int ok, int line, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d: %s\n", line, what);
    }
}

#define CHECK(cond) check((cond) ? 1 : 0, __LINE__, #cond)

/* A status check that prints both values on failure. */
#define CHECK_STATUS(call, want)                                                  \
    do {                                                                          \
        p3p_status got_ = (call);                                                 \
        if (got_ == (p3p_status)(want)) {                                         \
            passed++;                                                             \
        } else {                                                                  \
            failed++;                                                             \
            printf("FAIL line %d: %s: status %u (%s), want %u (%s)\n", __LINE__, \
                   #call, (unsigned)got_, p3p_status_str(got_),                   \
                   (unsigned)(want), p3p_status_str(want));                       \
        }                                                                         \
    } while (0)

/* Byte-exact comparison of an output buffer with a C string. */
static void check_bytes(const uint8_t *got, size_t got_len, const char *want, int line)
{
    size_t want_len = strlen(want);
    if (got_len == want_len && memcmp(got, want, want_len) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d: got \"%.*s\" (%lu bytes), want \"%s\" (%lu bytes)\n", line,
               (int)got_len, (const char *)got, (unsigned long)got_len, want,
               (unsigned long)want_len);
    }
}

#define CHECK_BYTES(got, got_len, want) check_bytes((got), (got_len), (want), __LINE__)

static void check_str(const char *got, const char *want, int line)
{
    if (got != NULL && strcmp(got, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d: got \"%s\", want \"%s\"\n", line, got ? got : "(null)", want);
    }
}

#define CHECK_STR(got, want) check_str((got), (want), __LINE__)

/* Every byte of an object still holds the sentinel. */
static int all_bytes(const void *p, size_t n, uint8_t b)
{
    const uint8_t *q = (const uint8_t *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (q[i] != b) {
            return 0;
        }
    }
    return 1;
}

#define SENTINEL 0xA5
#define FILL(x) memset(&(x), SENTINEL, sizeof(x))
#define UNTOUCHED(x) all_bytes(&(x), sizeof(x), SENTINEL)

#define LIT(s) (const uint8_t *)(s), (sizeof(s) - 1)

static const char SEED[] =
    "CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";

static const char *const ACTION_NAME[] = {"accept", "downgrade", "leash", "block", "prompt"};

#define A_ACC P3P_ACTION_ACCEPT
#define A_DOW P3P_ACTION_DOWNGRADE
#define A_LEA P3P_ACTION_LEASH
#define A_BLO P3P_ACTION_BLOCK

/* Expected actions, [party][cookie][level], levels strictest first:
 * Block All, High, Medium High, Medium, Low, Accept All. */
static const uint32_t SEED_GRID[2][2][6] = {
    /* first party */
    {
        /* session */ {A_BLO, A_BLO, A_ACC, A_ACC, A_ACC, A_ACC},
        /* persistent */ {A_BLO, A_BLO, A_BLO, A_DOW, A_ACC, A_ACC},
    },
    /* third party */
    {
        /* session */ {A_BLO, A_BLO, A_BLO, A_BLO, A_ACC, A_ACC},
        /* persistent */ {A_BLO, A_BLO, A_BLO, A_BLO, A_DOW, A_ACC},
    },
};

static const uint32_t NO_POLICY_GRID[2][2][6] = {
    {
        /* first session */ {A_BLO, A_BLO, A_ACC, A_ACC, A_ACC, A_ACC},
        /* first persistent */ {A_BLO, A_BLO, A_LEA, A_LEA, A_LEA, A_ACC},
    },
    {
        /* third session */ {A_BLO, A_BLO, A_BLO, A_BLO, A_ACC, A_ACC},
        /* third persistent */ {A_BLO, A_BLO, A_BLO, A_BLO, A_DOW, A_ACC},
    },
};

static void check_grid(const p3p_policy *policy, const uint32_t want[2][2][6], const char *name)
{
    uint32_t l, p, k;
    p3p_grid grid;
    FILL(grid);
    CHECK_STATUS(p3p_decide_grid(policy, &grid), P3P_STATUS_OK);
    for (p = 0; p < 2; p++) {
        for (k = 0; k < 2; k++) {
            for (l = 0; l < 6; l++) {
                p3p_decision d;
                FILL(d);
                CHECK_STATUS(p3p_decide(policy, l, p, k, &d), P3P_STATUS_OK);
                if (d.action == want[p][k][l]) {
                    passed++;
                } else {
                    failed++;
                    printf("FAIL %s: level %s, %s party, %s: %s, want %s\n", name,
                           p3p_level_str(l), p == P3P_PARTY_FIRST ? "first" : "third",
                           k == P3P_COOKIE_SESSION ? "session" : "persistent",
                           p3p_action_str(d.action), ACTION_NAME[want[p][k][l]]);
                }
                /* The grid and the single-cell call agree. */
                CHECK(grid.cells[p][k][l].action == d.action);
                CHECK(grid.cells[p][k][l].reason == d.reason);
                if (l == P3P_LEVEL_BLOCK_ALL) {
                    CHECK(d.reason == P3P_REASON_BLOCK_ALL);
                }
                if (l == P3P_LEVEL_ACCEPT_ALL) {
                    CHECK(d.reason == P3P_REASON_ACCEPT_ALL);
                }
            }
        }
    }
}

static p3p_decision decide(const p3p_policy *policy, uint32_t level, uint32_t party, uint32_t cookie)
{
    p3p_decision d;
    FILL(d);
    CHECK_STATUS(p3p_decide(policy, level, party, cookie, &d), P3P_STATUS_OK);
    return d;
}

static void test_version(void)
{
    const char *v = p3p_version();
    CHECK(p3p_abi_version() == P3P_ABI_VERSION);
    CHECK(v != NULL);
    CHECK(v != NULL && v[0] != '\0');
    /* Major.minor.patch, digits first. */
    CHECK(v != NULL && v[0] >= '0' && v[0] <= '9' && strchr(v, '.') != NULL);
}

static void test_seed_grid(void)
{
    p3p_policy policy;
    p3p_decision d;
    uint32_t class_, verdict;

    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(LIT(SEED), &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_PRESENT) != 0);
    CHECK((policy.flags & P3P_POLICY_HAS_INVALID) == 0);
    CHECK(policy.word_count == 18);
    CHECK(policy.invalid_count == 0);
    CHECK(policy.tokens != 0);

    check_grid(&policy, SEED_GRID, "seed");

    d = decide(&policy, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT);
    CHECK(d.action == P3P_ACTION_BLOCK);
    CHECK(d.reason == P3P_REASON_OPT_OUT_MISSING_BLOCK);
    CHECK_STR(p3p_reason_str(d.reason),
              "Opt-out is not provided for all unsatisfactory purposes and recipients, so the "
              "cookie will be blocked.");

    d = decide(&policy, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT);
    CHECK(d.reason == P3P_REASON_OPT_OUT_MISSING_DOWNGRADE);
    CHECK_STR(p3p_reason_str(d.reason),
              "Opt-out is not provided for all unsatisfactory purposes and recipients, so the "
              "cookie will be downgraded to a session cookie.");

    d = decide(&policy, P3P_LEVEL_MEDIUM_HIGH, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT);
    CHECK(d.reason == P3P_REASON_NO_OPT_OUT_BLOCK);
    CHECK_STR(p3p_reason_str(d.reason), "No opt-out is provided, so the cookie will be blocked.");

    d = decide(&policy, P3P_LEVEL_LOW, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT);
    CHECK(d.reason == P3P_REASON_SATISFACTORY);
    CHECK_STR(p3p_reason_str(d.reason), "Policy satisfactory at this level; cookies will be accepted.");

    d = decide(&policy, P3P_LEVEL_BLOCK_ALL, P3P_PARTY_FIRST, P3P_COOKIE_SESSION);
    CHECK_STR(p3p_reason_str(d.reason), "All cookies are blocked at this level.");

    FILL(class_);
    CHECK_STATUS(p3p_policy_class(&policy, &class_), P3P_STATUS_OK);
    CHECK(class_ == P3P_CLASS_NONE);
    CHECK_STR(p3p_class_str(class_), "none");
    FILL(verdict);
    CHECK_STATUS(p3p_policy_verdict(&policy, &verdict), P3P_STATUS_OK);
    CHECK(verdict == P3P_VERDICT_UNSATISFACTORY);
    CHECK_STR(p3p_verdict_str(verdict), "unsatisfactory");
}

static void test_other_policies(void)
{
    p3p_policy policy;
    p3p_decision d;
    uint32_t class_, verdict;

    /* All uses opt-out: implicit. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"NOI CURa ADMa DEVa TAIa CONo OUR DELa BUS IND PHY "
                                      "ONL UNI PUR COM NAV DEM STA\""),
                                  &policy),
                 P3P_STATUS_OK);
    CHECK_STATUS(p3p_policy_class(&policy, &class_), P3P_STATUS_OK);
    CHECK(class_ == P3P_CLASS_IMPLICIT);

    /* No identifiable data: accepted in every middle cell. */
    CHECK_STATUS(p3p_policy_parse(LIT("policyref=\"/w3c/p3p.xml\", CP=\"CAO PSA OUR\""), &policy),
                 P3P_STATUS_OK);
    CHECK_STATUS(p3p_policy_class(&policy, &class_), P3P_STATUS_OK);
    CHECK(class_ == P3P_CLASS_OK);
    CHECK_STATUS(p3p_policy_verdict(&policy, &verdict), P3P_STATUS_OK);
    CHECK(verdict == P3P_VERDICT_SATISFACTORY);
    d = decide(&policy, P3P_LEVEL_HIGH, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT);
    CHECK(d.action == P3P_ACTION_ACCEPT);

    /* Token-list form. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse_tokens(LIT("CAO PSA OUR"), &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_PRESENT) != 0);
    CHECK(policy.word_count == 3);

    /* A header value without CP is no policy. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(LIT("policyref=\"/w3c/p3p.xml\""), &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_PRESENT) == 0);
    CHECK_STATUS(p3p_policy_class(&policy, &class_), P3P_STATUS_OK);
    CHECK(class_ == P3P_CLASS_NO_POLICY);

    /* Odd input is flagged, not rejected. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"NOI CURR DSP"), &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_UNTERMINATED) != 0);
    CHECK((policy.flags & P3P_POLICY_HAS_INVALID) != 0);
    CHECK(policy.invalid_count == 1);

    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"NOI\", CP=\"CAO\""), &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_DUPLICATE_CP) != 0);
}

static void test_no_policy(void)
{
    p3p_decision d;
    uint32_t class_, verdict;

    check_grid(NULL, NO_POLICY_GRID, "no policy");

    d = decide(NULL, P3P_LEVEL_HIGH, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT);
    CHECK(d.action == P3P_ACTION_BLOCK);
    CHECK(d.reason == P3P_REASON_NO_POLICY_BLOCK);
    d = decide(NULL, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT);
    CHECK(d.action == P3P_ACTION_LEASH);
    CHECK(d.reason == P3P_REASON_NO_POLICY_LEASH);
    CHECK_STR(p3p_reason_str(d.reason),
              "No compact policy is provided, so the cookie will be restricted to first-party use.");
    d = decide(NULL, P3P_LEVEL_LOW, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT);
    CHECK(d.reason == P3P_REASON_NO_POLICY_DOWNGRADE);

    CHECK_STATUS(p3p_policy_class(NULL, &class_), P3P_STATUS_OK);
    CHECK(class_ == P3P_CLASS_NO_POLICY);
    CHECK_STATUS(p3p_policy_verdict(NULL, &verdict), P3P_STATUS_OK);
    CHECK(verdict == P3P_VERDICT_NO_POLICY);
    CHECK_STR(p3p_verdict_str(verdict), "no_policy");
}

static void test_arguments(void)
{
    p3p_policy policy, seed;
    p3p_decision d;
    p3p_grid grid;
    uint32_t u;
    const uint32_t bad[] = {6, 7, 100, 0x80000000u, 0xFFFFFFFFu};
    size_t i;

    CHECK_STATUS(p3p_policy_parse(LIT(SEED), &seed), P3P_STATUS_OK);

    /* (NULL, 0) is the empty input: a value with no CP, or an empty token list. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(NULL, 0, &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_PRESENT) == 0);
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse_tokens(NULL, 0, &policy), P3P_STATUS_OK);
    CHECK((policy.flags & P3P_POLICY_PRESENT) != 0);
    CHECK((policy.flags & P3P_POLICY_EMPTY) != 0);

    /* (NULL, n > 0) and NULL out-parameters. */
    FILL(policy);
    CHECK_STATUS(p3p_policy_parse(NULL, 1, &policy), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(policy));
    CHECK_STATUS(p3p_policy_parse_tokens(NULL, 5, &policy), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(policy));
    CHECK_STATUS(p3p_policy_parse(LIT(SEED), NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_policy_parse_tokens(LIT("NOI"), NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_policy_class(&seed, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_policy_verdict(&seed, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, P3P_COOKIE_SESSION, NULL),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_decide_grid(&seed, NULL), P3P_STATUS_NULL_ARGUMENT);

    /* Out-of-range enum-like integers; the out-parameter stays untouched. */
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        FILL(d);
        CHECK_STATUS(p3p_decide(&seed, bad[i], P3P_PARTY_FIRST, P3P_COOKIE_SESSION, &d),
                     P3P_STATUS_INVALID_ARGUMENT);
        CHECK(UNTOUCHED(d));
        CHECK_STATUS(p3p_decide(&seed, P3P_LEVEL_MEDIUM, bad[i] - 4, P3P_COOKIE_SESSION, &d),
                     P3P_STATUS_INVALID_ARGUMENT);
        CHECK(UNTOUCHED(d));
        CHECK_STATUS(p3p_decide(NULL, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, bad[i] - 4, &d),
                     P3P_STATUS_INVALID_ARGUMENT);
        CHECK(UNTOUCHED(d));
    }
    FILL(d);
    CHECK_STATUS(p3p_decide(&seed, P3P_LEVEL_MEDIUM, 2, P3P_COOKIE_SESSION, &d),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, 2, &d),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK(UNTOUCHED(d));

    FILL(grid);
    CHECK_STATUS(p3p_decide_grid(NULL, &grid), P3P_STATUS_OK);
    CHECK(!UNTOUCHED(grid));

    FILL(u);
    CHECK_STATUS(p3p_policy_class(NULL, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(u));
}

static void test_cookie_rewrite(void)
{
    static const char full[] = "id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";
    uint8_t out[256];
    size_t n;

    /* Downgrade removes Expires and Max-Age, whatever their case and spacing. */
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_DOWNGRADE, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "id=abc123; Path=/; HttpOnly");
    CHECK_STATUS(p3p_cookie_rewrite(LIT("sid=1;max-age=60 ; Secure;  EXPIRES=Thu, 01 Jan 2037 "
                                        "00:00:00 GMT"),
                                    P3P_ACTION_DOWNGRADE, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "sid=1; Secure");
    /* Exactly len bytes of room is enough. */
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_DOWNGRADE, out, sizeof(full) - 1, &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "id=abc123; Path=/; HttpOnly");

    /* Leash appends SameSite=Lax, or replaces another SameSite in place. */
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1; Path=/"), P3P_ACTION_LEASH, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "id=1; Path=/; SameSite=Lax");
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1; SameSite=None; Secure"), P3P_ACTION_LEASH, out,
                                    sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "id=1; SameSite=Lax; Secure");
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1"), P3P_ACTION_LEASH, out, 4 + P3P_COOKIE_LEASH_EXTRA, &n),
                 P3P_STATUS_OK);
    CHECK_BYTES(out, n, "id=1; SameSite=Lax");

    /* Accept copies byte for byte. */
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_ACCEPT, out, sizeof(out), &n), P3P_STATUS_OK);
    CHECK_BYTES(out, n, full);

    /* Block and prompt write nothing, and need no buffer. */
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_BLOCK, NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n == 0);
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_PROMPT, out, sizeof(out), &n), P3P_STATUS_OK);
    CHECK(n == 0);

    /* The buffer must hold the bound, even when the result would fit: a
     * buffer too small gets the size needed in *out_len and nothing in out. */
    memset(out, SENTINEL, sizeof(out));
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_DOWNGRADE, out, sizeof(full) - 2, &n),
                 P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == sizeof(full) - 1);
    CHECK(all_bytes(out, sizeof(out), SENTINEL));
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1"), P3P_ACTION_LEASH, out, 4 + P3P_COOKIE_LEASH_EXTRA - 1, &n),
                 P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 4 + P3P_COOKIE_LEASH_EXTRA);
    CHECK(all_bytes(out, sizeof(out), SENTINEL));
    /* (NULL, 0) asks for the size. */
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1"), P3P_ACTION_ACCEPT, NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n == 4);
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1"), P3P_ACTION_LEASH, NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n == 4 + P3P_COOKIE_LEASH_EXTRA);
    FILL(n);

    /* Control bytes (header injection) are refused, for every action. */
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1\r\nSet-Cookie: evil=1"), P3P_ACTION_DOWNGRADE, out,
                                    sizeof(out), &n),
                 P3P_STATUS_COOKIE_CONTROL_BYTE);
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1\0; Max-Age=5"), P3P_ACTION_ACCEPT, out, sizeof(out), &n),
                 P3P_STATUS_COOKIE_CONTROL_BYTE);
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1; Path=/\x7f"), P3P_ACTION_LEASH, out, sizeof(out), &n),
                 P3P_STATUS_COOKIE_CONTROL_BYTE);
    CHECK(UNTOUCHED(n));
    CHECK(all_bytes(out, sizeof(out), SENTINEL));
    /* A tab is not a control byte here. */
    CHECK_STATUS(p3p_cookie_rewrite(LIT("id=1;\tPath=/"), P3P_ACTION_ACCEPT, out, sizeof(out), &n),
                 P3P_STATUS_OK);

    /* Argument checks. */
    memset(out, SENTINEL, sizeof(out));
    FILL(n);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), 5, out, sizeof(out), &n), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), 0xFFFFFFFFu, out, sizeof(out), &n),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_rewrite(NULL, 3, P3P_ACTION_ACCEPT, out, sizeof(out), &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_ACCEPT, NULL, 100, &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(n));
    CHECK_STATUS(p3p_cookie_rewrite(LIT(full), P3P_ACTION_ACCEPT, out, sizeof(out), NULL),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK(all_bytes(out, sizeof(out), SENTINEL));
    /* (NULL, 0) is an empty cookie. */
    CHECK_STATUS(p3p_cookie_rewrite(NULL, 0, P3P_ACTION_DOWNGRADE, NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n == 0);
}

static void test_cookie_decide(void)
{
    p3p_policy seed;
    p3p_cookie_decision cd;
    static const char persistent[] = "  uid = 42; Max-Age=3600; Path=/";

    CHECK_STATUS(p3p_policy_parse(LIT(SEED), &seed), P3P_STATUS_OK);

    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, LIT(persistent), 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_BLOCK);
    CHECK(cd.reason == P3P_REASON_OPT_OUT_MISSING_BLOCK);
    CHECK(cd.kind == P3P_COOKIE_PERSISTENT);
    CHECK(cd.flags == 0);
    CHECK(cd.name_offset == 2);
    CHECK(cd.name_len == 3);

    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(persistent), 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_DOWNGRADE);

    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("sid=x; Path=/"), 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_ACCEPT);
    CHECK(cd.kind == P3P_COOKIE_SESSION);

    /* A deletion passes as accept, even where a persistent cookie is blocked. */
    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(NULL, P3P_LEVEL_HIGH, P3P_PARTY_THIRD, LIT("uid=; Max-Age=0; Path=/"),
                                   0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_ACCEPT);
    CHECK(cd.reason == P3P_REASON_COOKIE_DELETION);
    CHECK((cd.flags & P3P_COOKIE_FLAG_DELETION) != 0);
    CHECK(cd.name_offset == 0 && cd.name_len == 3);
    CHECK_STR(p3p_reason_str(cd.reason),
              "The cookie only deletes a stored cookie, so it is passed through unchanged.");

    /* An Expires in the past is a deletion only when `now` is given. */
    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(NULL, P3P_LEVEL_HIGH, P3P_PARTY_THIRD,
                                   LIT("uid=; Expires=Thu, 01 Jan 1970 00:00:01 GMT"), 1700000000, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_ACCEPT);
    CHECK((cd.flags & P3P_COOKIE_FLAG_DELETION) != 0);
    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(NULL, P3P_LEVEL_HIGH, P3P_PARTY_THIRD,
                                   LIT("uid=; Expires=Thu, 01 Jan 1970 00:00:01 GMT"), 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_BLOCK);
    CHECK(cd.kind == P3P_COOKIE_PERSISTENT);
    CHECK(cd.flags == 0);

    /* Failures leave the out-parameter alone. */
    FILL(cd);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("a=b\nc"), 0, &cd),
                 P3P_STATUS_COOKIE_CONTROL_BYTE);
    CHECK(UNTOUCHED(cd));
    CHECK_STATUS(p3p_cookie_decide(&seed, 6, P3P_PARTY_FIRST, LIT("a=b"), 0, &cd),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, 0xFFFFFFFFu, LIT("a=b"), 0, &cd),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, NULL, 1, 0, &cd),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(cd));
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("a=b"), 0, NULL),
                 P3P_STATUS_NULL_ARGUMENT);
    /* (NULL, 0): an empty, nameless session cookie. */
    CHECK_STATUS(p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, NULL, 0, 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.kind == P3P_COOKIE_SESSION && cd.name_len == 0);
}

/* One pass: the decision and the rewrite in one call. */
static void test_cookie_apply(void)
{
    static const char full[] = "id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";
    p3p_policy seed;
    p3p_profile profile;
    p3p_cookie_decision cd, want;
    uint8_t out[256];
    size_t n;
    uint32_t level, party;

    CHECK_STATUS(p3p_policy_parse(LIT(SEED), &seed), P3P_STATUS_OK);

    /* Medium, first party: downgraded into out; the name as read. */
    FILL(cd);
    FILL(n);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 1700000000, &cd, out,
                                  sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_DOWNGRADE);
    CHECK(cd.kind == P3P_COOKIE_PERSISTENT);
    CHECK_BYTES(out, n, "id=abc123; Path=/; HttpOnly");
    CHECK(cd.name_offset == 0 && cd.name_len == 2);

    /* The decision is p3p_cookie_decide's, at every level and party. */
    for (level = 0; level < 6; level++) {
        for (party = 0; party < 2; party++) {
            CHECK_STATUS(p3p_cookie_decide(&seed, level, party, LIT(full), 1700000000, &want), P3P_STATUS_OK);
            CHECK_STATUS(p3p_cookie_apply(&seed, level, party, LIT(full), 1700000000, &cd, out, sizeof(out), &n),
                         P3P_STATUS_OK);
            CHECK(memcmp(&cd, &want, sizeof(cd)) == 0);
            CHECK(cd.action == P3P_ACTION_DOWNGRADE || n == 0);
        }
    }

    /* Kept and removed cookies: nothing written, length 0. */
    memset(out, SENTINEL, sizeof(out));
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("sid=xyz; Path=/; Secure"), 0, &cd,
                                  out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_ACCEPT && n == 0);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, LIT(full), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_BLOCK && n == 0);
    CHECK(all_bytes(out, sizeof(out), SENTINEL));

    /* A leash: no policy, first party, a persistent cookie at Medium. */
    CHECK_STATUS(p3p_cookie_apply(NULL, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("id=1; Max-Age=60; SameSite=None"), 0,
                                  &cd, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_LEASH);
    CHECK_BYTES(out, n, "id=1; Max-Age=60; SameSite=Lax");

    /* (NULL, 0) sizes: the decision and the bound of its action. */
    FILL(n);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 0, &cd, NULL, 0, &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_DOWNGRADE && n == sizeof(full) - 1);
    CHECK_STATUS(p3p_cookie_apply(NULL, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("id=1; Max-Age=60"), 0, &cd, NULL, 0,
                                  &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_LEASH && n == 16 + P3P_COOKIE_LEASH_EXTRA);

    /* Too small: the size needed, nothing in out or the decision. */
    memset(out, SENTINEL, sizeof(out));
    FILL(cd);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 0, &cd, out, sizeof(full) - 2,
                                  &n),
                 P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == sizeof(full) - 1);
    CHECK(UNTOUCHED(cd));
    CHECK(all_bytes(out, sizeof(out), SENTINEL));

    /* Failures write nothing. */
    FILL(cd);
    FILL(n);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("a=b\r\nX: y"), 0, &cd, out,
                                  sizeof(out), &n),
                 P3P_STATUS_COOKIE_CONTROL_BYTE);
    CHECK_STATUS(p3p_cookie_apply(&seed, 6, P3P_PARTY_FIRST, LIT(full), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, NULL, 1, 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 0, &cd, NULL, 8, &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(cd) && UNTOUCHED(n));
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 0, NULL, out, sizeof(out), &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(full), 0, &cd, out, sizeof(out), NULL),
                 P3P_STATUS_NULL_ARGUMENT);

    /* With a profile: the decision p3p_profile_cookie_decide makes. */
    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla:dddddddd"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_cookie_decide(&profile, &seed, 0, P3P_PARTY_THIRD, LIT(full), 0, &want), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_cookie_apply(&profile, &seed, 0, P3P_PARTY_THIRD, LIT(full), 0, &cd, out, sizeof(out),
                                          &n),
                 P3P_STATUS_OK);
    CHECK(memcmp(&cd, &want, sizeof(cd)) == 0);
    CHECK(cd.action == P3P_ACTION_DOWNGRADE);
    CHECK_BYTES(out, n, "id=abc123; Path=/; HttpOnly");
    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_cookie_apply(&profile, &seed, 9, P3P_PARTY_THIRD, LIT("a=; Max-Age=0"), 0, &cd, out,
                                          sizeof(out), &n),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_profile_cookie_apply(NULL, &seed, 0, P3P_PARTY_THIRD, LIT(full), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_NULL_ARGUMENT);
}

/* Calls the direct function (profile NULL: p3p_cookie_apply) and the plan
 * for one value and buffer; both results must be the same, byte for byte. */
static void check_plan_agrees(const p3p_profile *profile, const p3p_policy *policy, uint32_t level, uint32_t party,
                              const p3p_cookie_plan *plan, const char *value, size_t cap, int line)
{
    uint8_t a[256], b[256];
    p3p_cookie_decision da, db;
    size_t na, nb;
    p3p_status sa, sb;
    size_t len = strlen(value);
    uint8_t *oa = cap == (size_t)-1 ? NULL : a;
    uint8_t *ob = cap == (size_t)-1 ? NULL : b;

    if (cap == (size_t)-1) {
        cap = 0;
    }
    memset(a, SENTINEL, sizeof(a));
    memset(b, SENTINEL, sizeof(b));
    FILL(da);
    FILL(db);
    FILL(na);
    FILL(nb);
    sa = profile ? p3p_profile_cookie_apply(profile, policy, level, party, (const uint8_t *)value, len, 1700000000, &da,
                                            oa, cap, &na)
                 : p3p_cookie_apply(policy, level, party, (const uint8_t *)value, len, 1700000000, &da, oa, cap, &na);
    sb = p3p_cookie_plan_apply(plan, (const uint8_t *)value, len, 1700000000, &db, ob, cap, &nb);
    check(sa == sb && memcmp(&da, &db, sizeof(da)) == 0 && memcmp(&na, &nb, sizeof(na)) == 0
              && memcmp(a, b, sizeof(a)) == 0,
          line, value);
}

static void test_cookie_plan(void)
{
    static const char *const values[] = {
        "id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly",
        "sid=xyz; Path=/; Secure",
        "pref=1; Max-Age=31536000; SameSite=None; Secure",
        "t=1;max-age=60;samesite=strict;SameSite=None",
        "logout=; Max-Age=0",
        "old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "a=1; Expires=Fri, 31 Feb 2000 00:00:00 GMT",
        "a=b\r\nX: y",
        "novalue",
        "",
    };
    static const size_t caps[] = {256, 20, 1, 0, (size_t)-1};
    static const char *const profiles[] = {"ie6", "ie6-strict", "mozilla", "mozilla:dddddddd"};
    p3p_policy seed, *policies[2];
    p3p_profile profile;
    p3p_cookie_plan plan, zero;
    p3p_cookie_decision cd;
    uint8_t out[64];
    size_t n, v, c, i;
    uint32_t level, party, pi;

    CHECK_STATUS(p3p_policy_parse(LIT(SEED), &seed), P3P_STATUS_OK);
    policies[0] = &seed;
    policies[1] = NULL;

    /* The IE6 levels: every level, party, value and buffer, both policies. */
    for (pi = 0; pi < 2; pi++) {
        for (level = 0; level < 6; level++) {
            for (party = 0; party < 2; party++) {
                FILL(plan);
                CHECK_STATUS(p3p_cookie_plan_make(policies[pi], level, party, &plan), P3P_STATUS_OK);
                for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
                    for (c = 0; c < sizeof(caps) / sizeof(caps[0]); c++) {
                        check_plan_agrees(NULL, policies[pi], level, party, &plan, values[v], caps[c], __LINE__);
                    }
                }
            }
        }
    }

    /* Profiles, the same way. */
    for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
        CHECK_STATUS(p3p_profile_builtin((const uint8_t *)profiles[i], strlen(profiles[i]), &profile), P3P_STATUS_OK);
        for (level = 0; level < 4; level++) {
            for (party = 0; party < 2; party++) {
                CHECK_STATUS(p3p_profile_cookie_plan(&profile, &seed, level, party, &plan), P3P_STATUS_OK);
                for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
                    check_plan_agrees(&profile, &seed, level, party, &plan, values[v], 256, __LINE__);
                    check_plan_agrees(&profile, &seed, level, party, &plan, values[v], 3, __LINE__);
                }
            }
        }
    }

    /* A plan that cannot be made: the status the direct call gives, nothing written. */
    CHECK_STATUS(p3p_profile_builtin(LIT("ie6"), &profile), P3P_STATUS_OK);
    FILL(plan);
    CHECK_STATUS(p3p_profile_cookie_plan(&profile, &seed, 9, P3P_PARTY_FIRST, &plan), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_plan_make(&seed, 6, P3P_PARTY_FIRST, &plan), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_plan_make(&seed, P3P_LEVEL_MEDIUM, 2, &plan), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_profile_cookie_plan(NULL, &seed, 0, P3P_PARTY_FIRST, &plan), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_cookie_plan_make(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(plan));

    /* A zeroed or damaged plan is refused, and nothing is written. */
    memset(&zero, 0, sizeof(zero));
    CHECK_STATUS(p3p_cookie_plan_make(NULL, P3P_LEVEL_ACCEPT_ALL, P3P_PARTY_THIRD, &plan), P3P_STATUS_OK);
    CHECK(plan.persistent.action == P3P_ACTION_ACCEPT && plan.persistent.reason == P3P_REASON_ACCEPT_ALL);
    FILL(cd);
    FILL(n);
    memset(out, SENTINEL, sizeof(out));
    CHECK_STATUS(p3p_cookie_plan_apply(&zero, LIT("id=1; Max-Age=60"), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_INVALID_ARGUMENT);
    plan.persistent.action = 5; /* no such action */
    CHECK_STATUS(p3p_cookie_plan_apply(&plan, LIT("id=1; Max-Age=60"), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_cookie_plan_apply(NULL, LIT("id=1; Max-Age=60"), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(cd) && UNTOUCHED(n) && all_bytes(out, sizeof(out), SENTINEL));

    /* A plan is a plain value: a copy works as the original. */
    CHECK_STATUS(p3p_cookie_plan_make(NULL, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, &plan), P3P_STATUS_OK);
    zero = plan;
    CHECK_STATUS(p3p_cookie_plan_apply(&zero, LIT("id=1; Max-Age=60; SameSite=None"), 0, &cd, out, sizeof(out), &n),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_LEASH);
    CHECK_BYTES(out, n, "id=1; Max-Age=60; SameSite=Lax");
}

static void test_diagnostics(void)
{
    static const char input[] = "NOI CURR";
    p3p_diagnostic diags[16];
    p3p_diagnostic one[2];
    size_t count, total, i, found = (size_t)-1, n;
    uint8_t msg[128];

    /* Counting mode. */
    FILL(total);
    CHECK_STATUS(p3p_diagnostics(LIT(input), P3P_INPUT_TOKENS, NULL, 0, &total), P3P_STATUS_OK);
    CHECK(total >= 1);
    CHECK(total <= 16);

    FILL(diags);
    FILL(count);
    CHECK_STATUS(p3p_diagnostics(LIT(input), P3P_INPUT_TOKENS, diags, 16, &count), P3P_STATUS_OK);
    CHECK(count == total);
    for (i = 0; i < count && i < 16; i++) {
        CHECK(diags[i].offset + diags[i].len <= sizeof(input) - 1);
        CHECK(diags[i].severity == P3P_SEVERITY_WARNING || diags[i].severity == P3P_SEVERITY_ERROR);
        if (diags[i].code == P3P_DIAG_UNKNOWN_TOKEN && found == (size_t)-1) {
            found = i;
        }
    }
    /* Only `count` entries were written. */
    CHECK(count >= 16 || UNTOUCHED(diags[count]));
    CHECK(found != (size_t)-1);
    if (found != (size_t)-1) {
        const p3p_diagnostic *d = &diags[found];
        CHECK(d->offset == 4);
        CHECK(d->len == 4);
        CHECK(d->severity == P3P_SEVERITY_ERROR);

        FILL(n);
        CHECK_STATUS(p3p_diagnostic_message(d, LIT(input), NULL, 0, &n), P3P_STATUS_OK);
        CHECK(n == strlen("unknown token \"CURR\"; did you mean \"CUR\"?"));
        memset(msg, SENTINEL, sizeof(msg));
        CHECK_STATUS(p3p_diagnostic_message(d, LIT(input), msg, sizeof(msg), &n), P3P_STATUS_OK);
        CHECK_BYTES(msg, n, "unknown token \"CURR\"; did you mean \"CUR\"?");
        CHECK(msg[n] == SENTINEL); /* no NUL terminator */
        /* A buffer too small: the size needed, nothing written. */
        FILL(n);
        memset(msg, SENTINEL, sizeof(msg));
        CHECK_STATUS(p3p_diagnostic_message(d, LIT(input), msg, 10, &n), P3P_STATUS_BUFFER_TOO_SMALL);
        CHECK(n == strlen("unknown token \"CURR\"; did you mean \"CUR\"?"));
        CHECK(all_bytes(msg, sizeof(msg), SENTINEL));
    }

    /* A short array gets the first entries; the count is still the total. */
    FILL(one);
    FILL(count);
    CHECK_STATUS(p3p_diagnostics(LIT(input), P3P_INPUT_TOKENS, one, 1, &count), P3P_STATUS_OK);
    CHECK(count == total);
    CHECK(one[0].code == diags[0].code && one[0].offset == diags[0].offset);
    CHECK(UNTOUCHED(one[1]));

    /* Header mode: no CP at all. */
    CHECK_STATUS(p3p_diagnostics(LIT("policyref=\"/x\""), P3P_INPUT_HEADER, diags, 16, &count),
                 P3P_STATUS_OK);
    CHECK(count == 1 && diags[0].code == P3P_DIAG_NO_COMPACT_POLICY);
    /* A clean policy has no findings (CUR takes no suffix in the grammar). */
    CHECK_STATUS(p3p_diagnostics(LIT("CP=\"NOI DSP COR CUR OUR IND ONL\""), P3P_INPUT_HEADER, NULL, 0,
                                 &count),
                 P3P_STATUS_OK);
    CHECK(count == 0);

    /* Argument checks. */
    FILL(count);
    CHECK_STATUS(p3p_diagnostics(LIT(input), 2, diags, 16, &count), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_diagnostics(LIT(input), P3P_INPUT_TOKENS, NULL, 4, &count), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_diagnostics(NULL, 4, P3P_INPUT_TOKENS, diags, 16, &count), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(count));
    CHECK_STATUS(p3p_diagnostics(LIT(input), P3P_INPUT_TOKENS, diags, 16, NULL), P3P_STATUS_NULL_ARGUMENT);

    /* A diagnostic this library did not make. */
    {
        p3p_diagnostic bogus;
        memset(&bogus, 0, sizeof(bogus));
        bogus.code = 0xFFFFu;
        FILL(n);
        CHECK_STATUS(p3p_diagnostic_message(&bogus, LIT(input), msg, sizeof(msg), &n),
                     P3P_STATUS_INVALID_ARGUMENT);
        CHECK(UNTOUCHED(n));
        CHECK_STATUS(p3p_diagnostic_message(NULL, LIT(input), msg, sizeof(msg), &n), P3P_STATUS_NULL_ARGUMENT);
        CHECK(UNTOUCHED(n));
    }
}

/* p3p_explain with the given options: sizes, checks that a buffer one byte
 * short is refused with the size and left untouched, then fills `buf`.
 * Returns the report's length, or 0 after a failed check. */
static size_t explain(const uint8_t *value, size_t len, uint32_t kind, const p3p_explain_options *o,
                      uint8_t *buf, size_t cap)
{
    size_t need, n;

    FILL(need);
    CHECK_STATUS(p3p_explain(value, len, kind, o, NULL, 0, &need), P3P_STATUS_OK);
    if (!(need > 0 && need < cap)) {
        CHECK(need > 0 && need < cap);
        return 0;
    }
    memset(buf, SENTINEL, cap);
    FILL(n);
    CHECK_STATUS(p3p_explain(value, len, kind, o, buf, need - 1, &n), P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == need);
    CHECK(all_bytes(buf, cap, SENTINEL));
    FILL(n);
    CHECK_STATUS(p3p_explain(value, len, kind, o, buf, need, &n), P3P_STATUS_OK);
    CHECK(n == need);
    CHECK(buf[n] == SENTINEL);
    return n;
}

static void test_explain(void)
{
    static uint8_t buf[1 << 16];
    static const char tokens[] = "NOI CURa OUR";
    static const char seed[] = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";
    static const char name[] = "site";
    p3p_explain_options o = p3p_explain_options_default();
    p3p_profile profile;
    size_t n;
    uint32_t bad[][5] = {
        /* format, lang, level, party, cookie */
        {4, P3P_LANG_EN, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL},
        {P3P_FORMAT_TEXT, 5, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL},
        {P3P_FORMAT_TEXT, P3P_LANG_EN, 6, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL},
        {P3P_FORMAT_TEXT, P3P_LANG_EN, P3P_EXPLAIN_ALL, 2, P3P_EXPLAIN_ALL},
        {P3P_FORMAT_TEXT, P3P_LANG_EN, P3P_EXPLAIN_ALL, P3P_EXPLAIN_ALL, 2},
    };
    size_t i;

    CHECK(o.format == P3P_FORMAT_TEXT && o.lang == P3P_LANG_EN);
    CHECK(o.level == P3P_EXPLAIN_ALL && o.party == P3P_EXPLAIN_ALL && o.cookie == P3P_EXPLAIN_ALL);
    CHECK(o.profile == NULL && o.profile_name == NULL && o.profile_name_len == 0);

    /* NULL options: the English text report. */
    n = explain(LIT(tokens), P3P_INPUT_TOKENS, NULL, buf, sizeof(buf));
    CHECK(n > 16 && memcmp(buf, "Compact policy: ", 16) == 0);

    o.format = P3P_FORMAT_JSON;
    n = explain(LIT(SEED), P3P_INPUT_HEADER, &o, buf, sizeof(buf));
    CHECK(n >= 9 && memcmp(buf, "{\"input\"", 8) == 0 && buf[n - 1] == '}');
    /* Empty input explains as no policy. */
    CHECK_STATUS(p3p_explain(NULL, 0, P3P_INPUT_HEADER, &o, buf, sizeof(buf), &n), P3P_STATUS_OK);
    CHECK(n > 0 && buf[0] == '{');

    /* The editor's sections, in Italian, as the seed document has them. */
    o.format = P3P_FORMAT_EDITOR;
    o.lang = P3P_LANG_IT;
    n = explain(LIT(seed), P3P_INPUT_HEADER, &o, buf, sizeof(buf));
    CHECK(n > 29 && memcmp(buf, "Sintesi della Compact Policy\n", 29) == 0);
    /* As HTML, in German, only the Medium cells. */
    o.format = P3P_FORMAT_HTML;
    o.lang = P3P_LANG_DE;
    o.level = P3P_LEVEL_MEDIUM;
    n = explain(LIT(seed), P3P_INPUT_HEADER, &o, buf, sizeof(buf));
    CHECK(n > 38 && memcmp(buf, "<section class=\"p3p-report\" lang=\"de\">", 38) == 0);
    CHECK(n > 0 && buf[n - 1] == '\n');

    /* A profile: Mozilla's levels, named by the caller. */
    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla"), &profile), P3P_STATUS_OK);
    o = p3p_explain_options_default();
    o.format = P3P_FORMAT_JSON;
    o.profile = &profile;
    o.profile_name = (const uint8_t *)name;
    o.profile_name_len = sizeof(name) - 1;
    o.level = P3P_MOZILLA_LEVEL_HIGH;
    n = explain(LIT(seed), P3P_INPUT_HEADER, &o, buf, sizeof(buf));
    CHECK(n > 0 && strstr((const char *)buf, "\"profile\":\"site\"") != NULL);
    /* The editor's sections are Internet Explorer 6's: not for Mozilla. */
    o.format = P3P_FORMAT_EDITOR;
    FILL(n);
    CHECK_STATUS(p3p_explain(LIT(seed), P3P_INPUT_HEADER, &o, buf, sizeof(buf), &n), P3P_STATUS_INVALID_ARGUMENT);
    CHECK(UNTOUCHED(n));
    /* Mozilla has four levels. */
    o.format = P3P_FORMAT_TEXT;
    o.level = 4;
    CHECK_STATUS(p3p_explain(LIT(seed), P3P_INPUT_HEADER, &o, buf, sizeof(buf), &n), P3P_STATUS_INVALID_ARGUMENT);

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        o = p3p_explain_options_default();
        o.format = bad[i][0];
        o.lang = bad[i][1];
        o.level = bad[i][2];
        o.party = bad[i][3];
        o.cookie = bad[i][4];
        FILL(n);
        CHECK_STATUS(p3p_explain(LIT(SEED), P3P_INPUT_HEADER, &o, buf, sizeof(buf), &n),
                     P3P_STATUS_INVALID_ARGUMENT);
        CHECK(UNTOUCHED(n));
    }
    FILL(n);
    CHECK_STATUS(p3p_explain(LIT(SEED), 7, NULL, buf, sizeof(buf), &n), P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_explain(NULL, 3, P3P_INPUT_HEADER, NULL, buf, sizeof(buf), &n), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_explain(LIT(SEED), P3P_INPUT_HEADER, NULL, NULL, 10, &n), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(n));
    CHECK_STATUS(p3p_explain(LIT(SEED), P3P_INPUT_HEADER, NULL, buf, sizeof(buf), NULL), P3P_STATUS_NULL_ARGUMENT);
}

static void test_header_value(void)
{
    uint8_t buf[64];
    size_t n;

    FILL(n);
    CHECK_STATUS(p3p_header_value(LIT("  NOI\tDSP   COR "), NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n == strlen("CP=\"NOI DSP COR\""));
    CHECK_STATUS(p3p_header_value(LIT("  NOI\tDSP   COR "), buf, sizeof(buf), &n), P3P_STATUS_OK);
    CHECK_BYTES(buf, n, "CP=\"NOI DSP COR\"");
    CHECK_STATUS(p3p_header_value(NULL, 0, buf, sizeof(buf), &n), P3P_STATUS_OK);
    CHECK_BYTES(buf, n, "CP=\"\"");

    FILL(n);
    CHECK_STATUS(p3p_header_value(LIT("NOI \"DSP"), buf, sizeof(buf), &n), P3P_STATUS_POLICY_UNSENDABLE);
    CHECK_STATUS(p3p_header_value(LIT("NOI\\DSP"), buf, sizeof(buf), &n), P3P_STATUS_POLICY_UNSENDABLE);
    CHECK_STATUS(p3p_header_value(LIT("NOI\r\nX: y"), buf, sizeof(buf), &n), P3P_STATUS_POLICY_UNSENDABLE);
    memset(buf, SENTINEL, sizeof(buf));
    CHECK_STATUS(p3p_header_value(LIT("NOI DSP COR"), buf, 5, &n), P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == strlen("CP=\"NOI DSP COR\""));
    CHECK(all_bytes(buf, sizeof(buf), SENTINEL));
    /* Invalid UTF-8 is found before anything is written. */
    FILL(n);
    CHECK_STATUS(p3p_header_value(LIT("NOI \xff"), buf, sizeof(buf), &n), P3P_STATUS_POLICY_UNSENDABLE);
    CHECK(UNTOUCHED(n));
    CHECK(all_bytes(buf, sizeof(buf), SENTINEL));
    FILL(n);
    CHECK_STATUS(p3p_header_value(NULL, 2, buf, sizeof(buf), &n), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(n));
    CHECK_STATUS(p3p_header_value(LIT("NOI"), buf, sizeof(buf), NULL), P3P_STATUS_NULL_ARGUMENT);
}

static void test_names(void)
{
    uint32_t v;

    FILL(v);
    CHECK_STATUS(p3p_level_parse(LIT("medium_high"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_LEVEL_MEDIUM_HIGH);
    CHECK_STATUS(p3p_level_parse(LIT("Medium-High"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_LEVEL_MEDIUM_HIGH);
    CHECK_STATUS(p3p_level_parse(LIT("BLOCK_ALL"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_LEVEL_BLOCK_ALL);
    CHECK_STATUS(p3p_level_parse(LIT("accept_all"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_LEVEL_ACCEPT_ALL);
    FILL(v);
    CHECK_STATUS(p3p_level_parse(LIT("mediumhigh!"), &v), P3P_STATUS_UNKNOWN_NAME);
    CHECK_STATUS(p3p_level_parse(NULL, 0, &v), P3P_STATUS_UNKNOWN_NAME);
    CHECK_STATUS(p3p_level_parse(NULL, 1, &v), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(v));
    CHECK_STATUS(p3p_level_parse(LIT("low"), NULL), P3P_STATUS_NULL_ARGUMENT);

    FILL(v);
    CHECK_STATUS(p3p_party_parse(LIT("third"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_THIRD);
    CHECK_STATUS(p3p_party_parse(LIT("first_party"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_FIRST);
    CHECK_STATUS(p3p_party_parse(LIT("1st"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_FIRST);
    FILL(v);
    CHECK_STATUS(p3p_party_parse(LIT("second"), &v), P3P_STATUS_UNKNOWN_NAME);
    CHECK_STATUS(p3p_party_parse(NULL, 3, &v), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(v));

    FILL(v);
    CHECK_STATUS(p3p_party_from_fetch(LIT("cross-site"), LIT("image"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_THIRD);
    CHECK_STATUS(p3p_party_from_fetch(LIT(" Cross-Site "), LIT("iframe"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_THIRD);
    CHECK_STATUS(p3p_party_from_fetch(LIT("cross-site"), NULL, 0, &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_THIRD);
    CHECK_STATUS(p3p_party_from_fetch(LIT("cross-site"), LIT("Document"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_FIRST);
    CHECK_STATUS(p3p_party_from_fetch(LIT("same-site"), LIT("image"), &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_FIRST);
    FILL(v);
    CHECK_STATUS(p3p_party_from_fetch(NULL, 0, NULL, 0, &v), P3P_STATUS_OK);
    CHECK(v == P3P_PARTY_FIRST);
    FILL(v);
    CHECK_STATUS(p3p_party_from_fetch(NULL, 1, NULL, 0, &v), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_party_from_fetch(LIT("cross-site"), NULL, 8, &v), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(v));
    CHECK_STATUS(p3p_party_from_fetch(NULL, 0, NULL, 0, NULL), P3P_STATUS_NULL_ARGUMENT);
}

static void test_strings(void)
{
    static const uint32_t values[] = {0,   1,   2,   3,   4,    5,    6,    7,          8,
                                      9,   10,  11,  12,  13,   17,   99,   100,        101,
                                      199, 200, 201, 998, 999,  1000, 4096, 0x7FFFFFFFu, 0xFFFFFFFFu};
    size_t i;

    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        uint32_t v = values[i];
        CHECK(p3p_action_str(v) != NULL);
        CHECK(p3p_class_str(v) != NULL);
        CHECK(p3p_verdict_str(v) != NULL);
        CHECK(p3p_level_str(v) != NULL);
        CHECK(p3p_reason_str(v) != NULL);
        CHECK(p3p_status_str(v) != NULL);
    }
    CHECK_STR(p3p_action_str(0xFFFFFFFFu), "unknown");
    CHECK_STR(p3p_class_str(0xFFFFFFFFu), "unknown");
    CHECK_STR(p3p_verdict_str(0xFFFFFFFFu), "unknown");
    CHECK_STR(p3p_level_str(0xFFFFFFFFu), "unknown");
    CHECK_STR(p3p_reason_str(0xFFFFFFFFu), "unknown");
    CHECK_STR(p3p_reason_str(0), "unknown");
    CHECK_STR(p3p_status_str(0xFFFFFFFFu), "unknown status");

    CHECK_STR(p3p_action_str(P3P_ACTION_ACCEPT), "accept");
    CHECK_STR(p3p_action_str(P3P_ACTION_DOWNGRADE), "downgrade");
    CHECK_STR(p3p_action_str(P3P_ACTION_LEASH), "leash");
    CHECK_STR(p3p_action_str(P3P_ACTION_BLOCK), "block");
    CHECK_STR(p3p_action_str(P3P_ACTION_PROMPT), "prompt");
    CHECK_STR(p3p_level_str(P3P_LEVEL_BLOCK_ALL), "block_all");
    CHECK_STR(p3p_level_str(P3P_LEVEL_MEDIUM_HIGH), "medium_high");
    CHECK_STR(p3p_level_str(P3P_LEVEL_ACCEPT_ALL), "accept_all");
    CHECK_STR(p3p_class_str(P3P_CLASS_IMPLICIT), "implicit");
    CHECK_STR(p3p_verdict_str(P3P_VERDICT_SATISFACTORY), "satisfactory");
    CHECK_STR(p3p_status_str(P3P_STATUS_OK), "ok");
    CHECK_STR(p3p_status_str(P3P_STATUS_BUFFER_TOO_SMALL), "output buffer too small");

    /* Every known status and reason has its own text. */
    CHECK(strcmp(p3p_status_str(P3P_STATUS_INTERNAL), "unknown status") != 0);
    CHECK(strcmp(p3p_status_str(P3P_STATUS_COOKIE_CONTROL_BYTE), "unknown status") != 0);
    CHECK(strcmp(p3p_status_str(P3P_STATUS_POLICY_UNSENDABLE), "unknown status") != 0);
    for (i = P3P_REASON_SATISFACTORY; i <= P3P_REASON_COOKIE_DELETION; i++) {
        CHECK(strcmp(p3p_reason_str((uint32_t)i), "unknown") != 0);
    }
}

static const char PROFILE_XML[] =
    "<MSIEPrivacy>\n"
    " <MSIEPrivacySettings formatVersion=\"6\">\n"
    "  <p3pCookiePolicy zone=\"internet\">\n"
    "   <firstParty noPolicyDefault=\"forceFirstParty\" noRuleDefault=\"accept\" alwaysAllowSession=\"yes\">\n"
    "    <if expr=\"PHY,CON\" action=\"forceSession\"/>\n"
    "   </firstParty>\n"
    "   <thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\">\n"
    "    <if expr=\"PHY,CON\" action=\"reject\"/>\n"
    "    <if expr=\"PHY,CONo\" action=\"prompt\"/>\n"
    "   </thirdParty>\n"
    "  </p3pCookiePolicy>\n"
    " </MSIEPrivacySettings>\n"
    "</MSIEPrivacy>\n";

static void test_profiles(void)
{
    static p3p_profile profile, before;
    p3p_profile_error err;
    p3p_policy policy;
    p3p_decision d;
    p3p_cookie_decision cd;
    uint32_t level = 99;
    uint8_t msg[200];
    size_t n = 0;

    /* Built-in profiles by name. */
    CHECK_STATUS(p3p_profile_builtin(LIT("ie6-strict"), &profile), P3P_STATUS_OK);
    CHECK(profile.kind == P3P_PROFILE_IE6_STRICT);
    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"This is not a P3P policy!\""), &policy), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_decide(&profile, &policy, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d),
                 P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_BLOCK && d.reason == P3P_REASON_INVALID_POLICY_BLOCK);
    CHECK_STATUS(p3p_decide(&policy, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_ACCEPT);
    CHECK(policy.mozilla & P3P_MOZILLA_INVALID);

    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_level_parse(&profile, LIT("high"), &level), P3P_STATUS_OK);
    CHECK(level == P3P_MOZILLA_LEVEL_HIGH);
    CHECK_STATUS(p3p_profile_level_parse(&profile, LIT("medium_high"), &level), P3P_STATUS_UNKNOWN_NAME);
    CHECK_STATUS(p3p_profile_decide(&profile, &policy, P3P_MOZILLA_LEVEL_HIGH, P3P_PARTY_THIRD, P3P_COOKIE_SESSION, &d),
                 P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_BLOCK && d.reason == P3P_REASON_MOZILLA_INVALID);
    FILL(d);
    CHECK_STATUS(p3p_profile_decide(&profile, &policy, 4, P3P_PARTY_THIRD, P3P_COOKIE_SESSION, &d),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK(UNTOUCHED(d));

    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla:afafaaaa"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_decide(&profile, NULL, 12345, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_ACCEPT && d.reason == P3P_REASON_MOZILLA_NO_POLICY);
    FILL(profile);
    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla:afafaaa"), &profile), P3P_STATUS_UNKNOWN_NAME);
    CHECK(UNTOUCHED(profile));
    CHECK_STATUS(p3p_profile_decide(&profile, NULL, 0, P3P_PARTY_FIRST, P3P_COOKIE_SESSION, &d),
                 P3P_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(p3p_profile_builtin(NULL, 0, &profile), P3P_STATUS_UNKNOWN_NAME);
    CHECK_STATUS(p3p_profile_builtin(LIT("ie6"), NULL), P3P_STATUS_NULL_ARGUMENT);

    /* A custom profile from an import file. */
    CHECK_STATUS(p3p_profile_load(LIT(PROFILE_XML), &profile, &err), P3P_STATUS_OK);
    CHECK(profile.kind == P3P_PROFILE_CUSTOM && profile.parties[P3P_PARTY_THIRD].rule_count == 2);
    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"NOI CUR CONo OUR PHY\""), &policy), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_decide(&profile, &policy, 0, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_PROMPT && d.reason == P3P_REASON_RULE_MATCHED);
    CHECK_STATUS(p3p_profile_decide(&profile, &policy, 0, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_ACCEPT && d.reason == P3P_REASON_NO_RULE_MATCHED);
    CHECK_STATUS(p3p_profile_decide(&profile, NULL, 0, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_LEASH && d.reason == P3P_REASON_PROFILE_NO_POLICY);
    CHECK_STATUS(p3p_profile_decide(&profile, NULL, 0, P3P_PARTY_FIRST, P3P_COOKIE_SESSION, &d), P3P_STATUS_OK);
    CHECK(d.action == P3P_ACTION_ACCEPT && d.reason == P3P_REASON_PROFILE_SESSION_ALLOWED);
    CHECK_STATUS(p3p_profile_cookie_decide(&profile, NULL, 0, P3P_PARTY_THIRD, LIT("id=1; Max-Age=60"), 0, &cd),
                 P3P_STATUS_OK);
    CHECK(cd.action == P3P_ACTION_BLOCK && cd.kind == P3P_COOKIE_PERSISTENT && cd.name_len == 2);

    /* A broken file: nothing written to the profile, the first error with its position. */
    memcpy(&before, &profile, sizeof(profile));
    FILL(err);
    CHECK_STATUS(p3p_profile_load(LIT("<MSIEPrivacy>\n <MSIEPrivacySettings formatVersion=\"6.0\"/>\n</MSIEPrivacy>"),
                                  &profile, &err),
                 P3P_STATUS_PROFILE_INVALID);
    CHECK(memcmp(&before, &profile, sizeof(profile)) == 0);
    /* Errors come in document order: the policy the element lacks, then its attribute value. */
    CHECK(err.code == P3P_PROFILE_ERROR_MISSING_ELEMENT && err.line == 2 && err.column == 2 && err.count == 2);
    CHECK_STATUS(p3p_profile_error_message(&err, NULL, 0, &n), P3P_STATUS_OK);
    CHECK(n < sizeof(msg));
    CHECK_STATUS(p3p_profile_error_message(&err, msg, sizeof(msg), &n), P3P_STATUS_OK);
    CHECK_BYTES(msg, n, "2:2: required element missing: \"internet p3pCookiePolicy\"");
    CHECK_STATUS(p3p_profile_load(LIT("<MSIEPrivacy>"), &profile, NULL), P3P_STATUS_PROFILE_INVALID);
    CHECK_STATUS(p3p_profile_load(NULL, 5, &profile, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STR(p3p_profile_error_str(P3P_PROFILE_ERROR_UNKNOWN_TOKEN), "unknown token");
    CHECK_STR(p3p_profile_error_str(9999), "unknown");
    CHECK_STR(p3p_status_str(P3P_STATUS_PROFILE_INVALID), "the profile file has errors");

    /* The message by the buffer rule: the size needed, nothing written. */
    memset(msg, SENTINEL, sizeof(msg));
    FILL(n);
    CHECK_STATUS(p3p_profile_error_message(&err, msg, 5, &n), P3P_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == strlen("2:2: required element missing: \"internet p3pCookiePolicy\""));
    CHECK(all_bytes(msg, sizeof(msg), SENTINEL));
}

/* Every profile gives its own class and verdict; files are checked first. */
static void test_profile_views(void)
{
    static p3p_profile profile, before;
    p3p_profile_error err;
    p3p_policy policy;
    uint32_t c, v;
    uint8_t msg[200];
    size_t n;

    CHECK(p3p_profile_size() == sizeof(p3p_profile));

    CHECK_STATUS(p3p_policy_parse(LIT("CP=\"FINa NAV\""), &policy), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_builtin(LIT("ie6-strict"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_class(&profile, &policy, &c), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_verdict(&profile, &policy, &v), P3P_STATUS_OK);
    CHECK(c == P3P_CLASS_NO_POLICY && v == P3P_VERDICT_NO_POLICY);
    CHECK_STATUS(p3p_profile_builtin(LIT("ie6"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_class(&profile, &policy, &c), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_verdict(&profile, &policy, &v), P3P_STATUS_OK);
    CHECK(c == P3P_CLASS_OK && v == P3P_VERDICT_SATISFACTORY);
    CHECK_STATUS(p3p_profile_builtin(LIT("mozilla"), &profile), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_class(&profile, &policy, &c), P3P_STATUS_OK);
    CHECK(c == P3P_CLASS_NO_CONSENT);
    CHECK_STR(p3p_class_str(c), "no_consent");
    CHECK_STATUS(p3p_profile_class(&profile, NULL, &c), P3P_STATUS_OK);
    CHECK(c == P3P_CLASS_NO_POLICY);
    CHECK_STATUS(p3p_profile_load(LIT(PROFILE_XML), &profile, &err), P3P_STATUS_OK);
    CHECK_STATUS(p3p_profile_class(&profile, &policy, &c), P3P_STATUS_OK);
    CHECK_STR(p3p_class_str(c), "rules");
    FILL(c);
    CHECK_STATUS(p3p_profile_class(NULL, &policy, &c), P3P_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(p3p_profile_verdict(&profile, &policy, NULL), P3P_STATUS_NULL_ARGUMENT);
    CHECK(UNTOUCHED(c));
    CHECK_STR(p3p_diagnostic_code_str(P3P_DIAG_DUPLICATE_TOKEN), "duplicate_token");
    CHECK_STR(p3p_diagnostic_code_str(0), "unknown");

    /* A directory, a device, a missing file: refused, nothing read, no position. */
    memcpy(&before, &profile, sizeof(profile));
    FILL(err);
    CHECK_STATUS(p3p_profile_load_file(LIT("/dev/zero"), &profile, &err), P3P_STATUS_PROFILE_INVALID);
    CHECK(err.code == P3P_PROFILE_ERROR_NOT_A_FILE && err.line == 0 && err.column == 0 && err.count == 1);
    CHECK_STATUS(p3p_profile_error_message(&err, msg, sizeof(msg), &n), P3P_STATUS_OK);
    CHECK_BYTES(msg, n, "not a regular file: it is a character device");
    CHECK_STATUS(p3p_profile_load_file(LIT("/"), &profile, &err), P3P_STATUS_PROFILE_INVALID);
    CHECK(err.code == P3P_PROFILE_ERROR_NOT_A_FILE);
    CHECK_STATUS(p3p_profile_load_file(LIT("/nonexistent/p.xml"), &profile, &err), P3P_STATUS_PROFILE_INVALID);
    CHECK(err.code == P3P_PROFILE_ERROR_OPEN);
    CHECK_STATUS(p3p_profile_error_message(&err, msg, sizeof(msg), &n), P3P_STATUS_OK);
    CHECK_BYTES(msg, n, "cannot open the file: No such file or directory");
    CHECK(memcmp(&before, &profile, sizeof(profile)) == 0);
    CHECK_STATUS(p3p_profile_load_file(NULL, 3, &profile, NULL), P3P_STATUS_NULL_ARGUMENT);
}

int main(void)
{
    test_version();
    test_seed_grid();
    test_other_policies();
    test_no_policy();
    test_arguments();
    test_cookie_rewrite();
    test_cookie_decide();
    test_cookie_apply();
    test_cookie_plan();
    test_diagnostics();
    test_explain();
    test_header_value();
    test_names();
    test_strings();
    test_profiles();
    test_profile_views();

    printf("libp3p %s (ABI %u)\n", p3p_version(), (unsigned)p3p_abi_version());
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
