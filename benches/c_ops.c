/* Runs one C ABI operation a given number of times, for counting
 * instructions under callgrind (benches/callgrind.sh): the same calls a C
 * program such as the nginx module makes, through include/p3p.h and the
 * static library.
 *
 *   cc -O2 -Iinclude benches/c_ops.c target/release/libp3p.a -lpthread -ldl -lm -o c_ops
 *   ./c_ops list | ./c_ops OP COUNT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p3p.h"

#define LIT(s) ((const uint8_t *) (s)), (sizeof(s) - 1)

/* The seed policy: 84 bytes, 18 tokens. */
static const char SEED[] =
    "CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";
/* A 40-token policy: every purpose and recipient with a suffix. */
static const char LONG40[] =
    "CP=\"NOI DSP COR NID ADMa DEVa TAIa PSAa PSDa IVAa IVDa CONa HISa TELa OTPa OURa DELa "
    "SAMa UNRa PUBa OTRa NOR STP LEG BUS IND PHY ONL UNI PUR FIN COM NAV INT DEM CNT STA "
    "POL HEA PRE GOV\"";
static const char PERSISTENT[] = "id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";
static const char SESSION[] = "sid=xyz; Path=/; Secure; HttpOnly";
/* The four cookies of the nginx benchmark (benches/nginx/run.sh): two
 * session cookies kept, a Max-Age and an Expires cookie downgraded. */
static const char *const NGINX4[] = {
    "sid=abc123; Path=/; HttpOnly",
    "cart=7; Path=/",
    "prefs=lang-en; Max-Age=31536000; Path=/",
    "tracking=u-42; Expires=Fri, 01 Jan 2038 00:00:00 GMT; Path=/",
};

static volatile uint64_t sink;
static p3p_policy seed;
static p3p_profile custom;
static p3p_profile ie6;
static p3p_cookie_plan plan_medium;
static uint8_t out[256];

static void none(void) { sink++; }

static void parse_seed(void) {
    p3p_policy p;
    if (p3p_policy_parse(LIT(SEED), &p) == P3P_STATUS_OK) sink += p.tokens;
}

static void parse_decide_seed(void) {
    p3p_policy p;
    p3p_decision d;
    if (p3p_policy_parse(LIT(SEED), &p) == P3P_STATUS_OK
        && p3p_decide(&p, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d) == P3P_STATUS_OK)
        sink += d.action;
}

static void parse_40_tokens(void) {
    p3p_policy p;
    if (p3p_policy_parse(LIT(LONG40), &p) == P3P_STATUS_OK) sink += p.word_count;
}

static void decide(void) {
    p3p_decision d;
    if (p3p_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d) == P3P_STATUS_OK)
        sink += d.action;
}

static void cookie_decide_persistent(void) {
    p3p_cookie_decision d;
    if (p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(PERSISTENT), 1700000000, &d)
        == P3P_STATUS_OK)
        sink += d.action;
}

static void cookie_decide_session(void) {
    p3p_cookie_decision d;
    if (p3p_cookie_decide(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(SESSION), 1700000000, &d)
        == P3P_STATUS_OK)
        sink += d.action;
}

static void cookie_downgrade(void) {
    uint8_t out[256];
    size_t n;
    if (p3p_cookie_rewrite(LIT(PERSISTENT), P3P_ACTION_DOWNGRADE, out, sizeof out, &n) == P3P_STATUS_OK)
        sink += n;
}

/* One pass: decided at Medium, first party; the persistent cookie is
 * downgraded into out, the session cookie kept. */
static void cookie_apply_persistent(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(PERSISTENT), 1700000000, &d, out,
                         sizeof out, &n)
        == P3P_STATUS_OK)
        sink += d.action + n;
}

static void cookie_apply_session(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(SESSION), 1700000000, &d, out, sizeof out,
                         &n)
        == P3P_STATUS_OK)
        sink += d.action + n;
}

/* The four cookies of the nginx benchmark, one call each. */
static void cookie_apply_nginx4(void) {
    size_t i;
    for (i = 0; i < 4; i++) {
        p3p_cookie_decision d;
        size_t n;
        if (p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, (const uint8_t *) NGINX4[i],
                             strlen(NGINX4[i]), 1700000000, &d, out, sizeof out, &n)
            == P3P_STATUS_OK)
            sink += d.action + n;
    }
}

/* The same four cookies through the plan the nginx module makes once per
 * location (seed policy, Medium, first party). */
static void cookie_plan_apply_nginx4(void) {
    size_t i;
    for (i = 0; i < 4; i++) {
        p3p_cookie_decision d;
        size_t n;
        if (p3p_cookie_plan_apply(&plan_medium, (const uint8_t *) NGINX4[i], strlen(NGINX4[i]), 1700000000, &d, out,
                                  sizeof out, &n)
            == P3P_STATUS_OK)
            sink += d.action + n;
    }
}

/* A 3-byte session cookie: what a call costs besides reading the value. */
static void cookie_apply_3byte(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_apply(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT("a=1"), 1700000000, &d, out, sizeof out, &n)
        == P3P_STATUS_OK)
        sink += d.action + n;
}

static void cookie_plan_apply_3byte(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_plan_apply(&plan_medium, LIT("a=1"), 1700000000, &d, out, sizeof out, &n) == P3P_STATUS_OK)
        sink += d.action + n;
}

/* The persistent and the session cookie through the plan, as the nginx
 * module calls the library for each of a response's cookies. */
static void cookie_plan_apply_persistent(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_plan_apply(&plan_medium, LIT(PERSISTENT), 1700000000, &d, out, sizeof out, &n) == P3P_STATUS_OK)
        sink += d.action + n;
}

static void cookie_plan_apply_session(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_cookie_plan_apply(&plan_medium, LIT(SESSION), 1700000000, &d, out, sizeof out, &n) == P3P_STATUS_OK)
        sink += d.action + n;
}

/* Making the plan: once per response when the policy comes from upstream. */
static void cookie_plan_make(void) {
    p3p_cookie_plan p;
    if (p3p_cookie_plan_make(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, &p) == P3P_STATUS_OK)
        sink += p.persistent.action;
}

static void profile_cookie_apply_persistent(void) {
    p3p_cookie_decision d;
    size_t n;
    if (p3p_profile_cookie_apply(&ie6, &seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, LIT(PERSISTENT), 1700000000, &d,
                                 out, sizeof out, &n)
        == P3P_STATUS_OK)
        sink += d.action + n;
}

static void profile_decide_ie6(void) {
    p3p_decision d;
    if (p3p_profile_decide(&ie6, &seed, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d)
        == P3P_STATUS_OK)
        sink += d.action;
}

/* profiles/ie6-medium.xml: for the seed policy its seventh third-party rule matches. */
static void profile_decide_custom(void) {
    p3p_decision d;
    if (p3p_profile_decide(&custom, &seed, 0, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d) == P3P_STATUS_OK)
        sink += d.action;
}

/* The floor for reading the seed header at all: libc's memchr over its 84
 * bytes for a byte it does not hold (the pointer is volatile so the
 * compiler cannot answer at build time). */
static const char *volatile seed_text = SEED;

static void memchr_seed(void) {
    if (memchr(seed_text, '\n', sizeof SEED - 1) == NULL) sink++;
}

static const struct {
    const char *name;
    void (*run)(void);
} OPS[] = {
    {"none", none},
    {"memchr_seed", memchr_seed},
    {"parse_seed", parse_seed},
    {"parse_decide_seed", parse_decide_seed},
    {"parse_40_tokens", parse_40_tokens},
    {"decide", decide},
    {"cookie_decide_persistent", cookie_decide_persistent},
    {"cookie_decide_session", cookie_decide_session},
    {"cookie_downgrade", cookie_downgrade},
    {"cookie_apply_persistent", cookie_apply_persistent},
    {"cookie_apply_session", cookie_apply_session},
    {"cookie_apply_nginx4", cookie_apply_nginx4},
    {"cookie_plan_apply_persistent", cookie_plan_apply_persistent},
    {"cookie_plan_apply_session", cookie_plan_apply_session},
    {"cookie_plan_apply_nginx4", cookie_plan_apply_nginx4},
    {"cookie_apply_3byte", cookie_apply_3byte},
    {"cookie_plan_apply_3byte", cookie_plan_apply_3byte},
    {"cookie_plan_make", cookie_plan_make},
    {"profile_cookie_apply_persistent", profile_cookie_apply_persistent},
    {"profile_decide_ie6", profile_decide_ie6},
    {"profile_decide_custom", profile_decide_custom},
};

int main(int argc, char **argv) {
    size_t i;
    if (argc == 2 && strcmp(argv[1], "list") == 0) {
        for (i = 0; i < sizeof OPS / sizeof OPS[0]; i++) printf("%s\n", OPS[i].name);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: %s list | OP COUNT\n", argv[0]);
        return 2;
    }
    if (p3p_policy_parse(LIT(SEED), &seed) != P3P_STATUS_OK
        || p3p_profile_builtin(LIT("ie6"), &ie6) != P3P_STATUS_OK
        || p3p_cookie_plan_make(&seed, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, &plan_medium) != P3P_STATUS_OK
        || p3p_profile_load_file(LIT("profiles/ie6-medium.xml"), &custom, NULL) != P3P_STATUS_OK)
        return 1;
    for (i = 0; i < sizeof OPS / sizeof OPS[0]; i++) {
        if (strcmp(argv[1], OPS[i].name) == 0) {
            long n = atol(argv[2]), k;
            for (k = 0; k < n; k++) OPS[i].run();
            printf("%lu\n", (unsigned long) sink);
            return 0;
        }
    }
    fprintf(stderr, "unknown operation %s\n", argv[1]);
    return 2;
}
