
/*
 * ngx_http_p3p_module: adds the site's P3P compact policy to responses and
 * applies libp3p's cookie decisions (the IE6 levels, or a privacy profile)
 * to every Set-Cookie header.
 *
 * This file is glue only: everything about policies and cookies is decided
 * by libp3p (p3p.h).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <p3p.h>


#define NGX_HTTP_P3P_COOKIES_OFF   100
#define NGX_HTTP_P3P_COOKIES_VAR   101

#define NGX_HTTP_P3P_PARTY_AUTO    100
#define NGX_HTTP_P3P_PARTY_VAR     101

#define NGX_HTTP_P3P_ERROR_ACCEPT  0
#define NGX_HTTP_P3P_ERROR_BLOCK   1

#define NGX_HTTP_P3P_VAR_CLASS     0
#define NGX_HTTP_P3P_VAR_VERDICT   1


typedef struct {
    ngx_str_t                   name;
    p3p_profile                 profile;
} ngx_http_p3p_profile_t;


typedef struct {
    ngx_flag_t                  used;

    /* ngx_http_p3p_profile_t, by value: location settings keep indexes */
    ngx_array_t                 profiles;
} ngx_http_p3p_main_conf_t;


typedef struct {
    ngx_str_t                   name;
    ngx_uint_t                  prefix;
    p3p_policy                  policy;
} ngx_http_p3p_cookie_policy_t;


/*
 * The decisions for the cookies of a response, made once (p3p.h), and
 * the status making them gave: P3P_STATUS_OK, or the failure every
 * cookie decided by them reports.
 */
typedef struct {
    p3p_cookie_plan             plan;
    p3p_status                  rc;
} ngx_http_p3p_plan_t;


typedef struct {
    /* p3p_policy: policy_set is NGX_CONF_UNSET, 0 (off) or 1 */
    ngx_flag_t                  policy_set;
    p3p_policy                  policy;
    ngx_str_t                   header;

    /*
     * p3p_cookies: a level of the profile, or NGX_HTTP_P3P_COOKIES_*;
     * profiles are 1-based indexes into the main conf's profiles, and
     * 0 means the IE6 levels of p3p_cookie_decide()
     */
    ngx_uint_t                  cookies;
    ngx_uint_t                  cookies_profile;
    ngx_http_complex_value_t   *cookies_cv;
    ngx_uint_t                  fallback;
    ngx_uint_t                  fallback_profile;

    /* p3p_cookie_policy: ngx_http_p3p_cookie_policy_t, in order */
    ngx_array_t                *cookie_policies;

    /* p3p_party: a P3P_PARTY_*, or NGX_HTTP_P3P_PARTY_* */
    ngx_uint_t                  party;
    ngx_http_complex_value_t   *party_cv;

    ngx_uint_t                  on_error;

    /*
     * planned: the level is fixed here, so the plans are made at
     * configuration time, for each party (indexed by P3P_PARTY_*): for a
     * response without an upstream P3P line, and for each
     * p3p_cookie_policy entry (cookie_plans[2 * entry + party])
     */
    ngx_flag_t                  planned;
    ngx_http_p3p_plan_t         plans[2];
    ngx_http_p3p_plan_t        *cookie_plans;
} ngx_http_p3p_loc_conf_t;


/* Set-Cookie lines a response has before the context needs more room */
#define NGX_HTTP_P3P_COOKIES       8

/* rewrites up to this size are written here first, then copied */
#define NGX_HTTP_P3P_SCRATCH       4096

/* upstream P3P values up to this size are remembered, parsed */
#define NGX_HTTP_P3P_CACHE         1024

/* a function written once for two loops, each a specialised copy */
#if (defined __GNUC__ || defined __clang__)
#define NGX_HTTP_P3P_INLINE        ngx_inline __attribute__((always_inline))
#else
#define NGX_HTTP_P3P_INLINE        ngx_inline
#endif


/*
 * One Set-Cookie line: its entry, then its value as received and the
 * decision, which the library writes here directly (on a failure, the
 * action taken and no name): $p3p_cookie_actions reads them.
 */
typedef struct {
    ngx_table_elt_t            *header;
    ngx_str_t                   value;
    p3p_cookie_decision         decision;
} ngx_http_p3p_cookie_t;


typedef struct {
    /* the policy the client sees: NULL, parsed or the configuration's */
    const p3p_policy           *policy;
    p3p_policy                  parsed;

    /* $p3p_cookie_actions, built when first asked for */
    ngx_str_t                   actions;

    /* the profile deciding this response (NULL: the IE6 levels) */
    const p3p_profile          *profile;
    uint32_t                    level;

    /*
     * the plans this response made: its own (when the configuration's
     * cannot be used) and the last p3p_cookie_policy entry's
     * (cookie_plan_for is that entry's index + 1, 0 for none yet)
     */
    uint32_t                    party;
    ngx_http_p3p_plan_t         plan;
    ngx_http_p3p_plan_t         cookie_plan;
    ngx_uint_t                  cookie_plan_for;

    /* the Set-Cookie lines, in header order: first the inline ones */
    ngx_http_p3p_cookie_t      *cookies;
    ngx_uint_t                  ncookies;
    ngx_uint_t                  cookies_cap;

    unsigned                    decided:1;
    unsigned                    resolved:1;
    unsigned                    cookies_off:1;

    ngx_http_p3p_cookie_t       inline_cookies[NGX_HTTP_P3P_COOKIES];
} ngx_http_p3p_ctx_t;


static ngx_int_t ngx_http_p3p_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_p3p_cookies(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx,
    ngx_uint_t upstream);
static NGX_HTTP_P3P_INLINE ngx_int_t ngx_http_p3p_cookie(
    ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx,
    ngx_http_p3p_cookie_t *c, const ngx_http_p3p_plan_t *plan, time_t now,
    ngx_uint_t general);
static p3p_status ngx_http_p3p_cookie_policy_apply(
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx,
    ngx_http_p3p_cookie_t *c, time_t now, u_char *out, size_t cap,
    size_t *len);
static void ngx_http_p3p_cookie_failed(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_cookie_t *c, p3p_status rc);
static const ngx_http_p3p_plan_t *ngx_http_p3p_cookie_plan(
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx, ngx_uint_t j);
static void ngx_http_p3p_make_plan(const p3p_profile *profile,
    const p3p_policy *policy, uint32_t level, uint32_t party,
    ngx_http_p3p_plan_t *plan);
static ngx_http_p3p_cookie_t *ngx_http_p3p_more_cookies(
    ngx_http_request_t *r, ngx_http_p3p_ctx_t *ctx, ngx_uint_t n);
static void ngx_http_p3p_parse(ngx_str_t *value, p3p_policy *policy);
static ngx_int_t ngx_http_p3p_resolve(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx);
static ngx_int_t ngx_http_p3p_level(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, const p3p_profile **profile,
    uint32_t *level);
static ngx_int_t ngx_http_p3p_setting(ngx_http_p3p_main_conf_t *pmcf,
    u_char *data, size_t len, ngx_uint_t *profile, uint32_t *level);
static const p3p_profile *ngx_http_p3p_get_profile(ngx_http_request_t *r,
    ngx_uint_t profile);
static uint32_t ngx_http_p3p_party(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf);
static ngx_int_t ngx_http_p3p_add_header(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf);
static ngx_inline ngx_uint_t ngx_http_p3p_is_set_cookie(ngx_table_elt_t *h);
static ngx_inline ngx_uint_t ngx_http_p3p_is_p3p(ngx_table_elt_t *h);

static ngx_int_t ngx_http_p3p_policy_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_p3p_actions_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);

static char *ngx_http_p3p_policy(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static ngx_int_t ngx_http_p3p_validate(ngx_conf_t *cf, ngx_command_t *cmd,
    ngx_str_t *value);
static char *ngx_http_p3p_profile_directive(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static char *ngx_http_p3p_profile_file(ngx_conf_t *cf, ngx_command_t *cmd,
    ngx_str_t *name, p3p_profile *profile);
static char *ngx_http_p3p_cookie_policy(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_setting_error(ngx_conf_t *cf, ngx_command_t *cmd,
    ngx_str_t *value, ngx_int_t rc);
static char *ngx_http_p3p_cookies_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_fallback(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_party_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_on_error_directive(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);

static ngx_http_complex_value_t *ngx_http_p3p_compile(ngx_conf_t *cf,
    ngx_str_t *value);
static ngx_int_t ngx_http_p3p_add_variables(ngx_conf_t *cf);
static void *ngx_http_p3p_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_p3p_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_p3p_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_p3p_plan_conf(ngx_conf_t *cf,
    ngx_http_p3p_loc_conf_t *conf);
static ngx_int_t ngx_http_p3p_init(ngx_conf_t *cf);


static ngx_command_t  ngx_http_p3p_commands[] = {

    { ngx_string("p3p_policy"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_p3p_policy,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_cookies"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_p3p_cookies_directive,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_profile"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE2,
      ngx_http_p3p_profile_directive,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_cookie_policy"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE2,
      ngx_http_p3p_cookie_policy,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_cookies_fallback"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_p3p_fallback,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_party"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_p3p_party_directive,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("p3p_on_error"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_p3p_on_error_directive,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_p3p_module_ctx = {
    ngx_http_p3p_add_variables,            /* preconfiguration */
    ngx_http_p3p_init,                     /* postconfiguration */

    ngx_http_p3p_create_main_conf,         /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_p3p_create_loc_conf,          /* create location configuration */
    ngx_http_p3p_merge_loc_conf            /* merge location configuration */
};


ngx_module_t  ngx_http_p3p_module = {
    NGX_MODULE_V1,
    &ngx_http_p3p_module_ctx,              /* module context */
    ngx_http_p3p_commands,                 /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    NULL,                                  /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


static ngx_http_variable_t  ngx_http_p3p_vars[] = {

    { ngx_string("p3p_class"), NULL, ngx_http_p3p_policy_variable,
      NGX_HTTP_P3P_VAR_CLASS, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("p3p_verdict"), NULL, ngx_http_p3p_policy_variable,
      NGX_HTTP_P3P_VAR_VERDICT, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("p3p_cookie_actions"), NULL, ngx_http_p3p_actions_variable,
      0, NGX_HTTP_VAR_NOCACHEABLE, 0 },

      ngx_http_null_variable
};


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;

/*
 * Per worker process (nginx runs a worker's requests on one thread): a
 * buffer the library writes rewrites into, so that a cookie that is kept
 * costs no allocation, and the last upstream P3P value parsed.
 */
static u_char      ngx_http_p3p_scratch[NGX_HTTP_P3P_SCRATCH];

static u_char      ngx_http_p3p_cache_value[NGX_HTTP_P3P_CACHE];
static size_t      ngx_http_p3p_cache_len;
static ngx_uint_t  ngx_http_p3p_cache_valid;
static p3p_policy  ngx_http_p3p_cache_policy;

/* bad run-time values are logged once per worker process */
static ngx_uint_t  ngx_http_p3p_level_warned;
static ngx_uint_t  ngx_http_p3p_party_warned;


static ngx_int_t
ngx_http_p3p_header_filter(ngx_http_request_t *r)
{
    ngx_uint_t                n, seen, want;
    ngx_list_part_t          *part;
    ngx_table_elt_t          *h, *last;
    ngx_http_p3p_ctx_t       *ctx;
    ngx_http_p3p_cookie_t    *c, *full;
    ngx_http_p3p_loc_conf_t  *plcf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_p3p_module);

    want = (plcf->cookies != NGX_HTTP_P3P_COOKIES_OFF);

    if (!want && plcf->header.len == 0) {
        return ngx_http_next_header_filter(r);
    }

    /* only what every path reads is set here; the rest where it is made */

    ctx = ngx_palloc(r->pool, sizeof(ngx_http_p3p_ctx_t));
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    ctx->policy = NULL;
    ctx->actions.data = NULL;
    ctx->decided = 0;
    ctx->resolved = 0;

    ngx_http_set_ctx(r, ctx, ngx_http_p3p_module);

    /*
     * One pass over the headers: the policy the client will see (the
     * first P3P line that carries one, which is what joining the lines
     * would give) and the Set-Cookie lines; deleted entries (hash == 0)
     * are skipped. Keys are told apart by their length first.
     */

    seen = 0;

    /* the lines go to c, up to full; without cookies to decide, it is full */
    c = ctx->inline_cookies;
    full = want ? c + NGX_HTTP_P3P_COOKIES : c;

    ctx->cookies = c;
    ctx->cookies_cap = NGX_HTTP_P3P_COOKIES;

    part = &r->headers_out.headers.part;

    for ( ;; ) {
        h = part->elts;

        for (last = h + part->nelts; h < last; h++) {

            if (h->hash == 0) {
                continue;
            }

            if (h->key.len == sizeof("Set-Cookie") - 1) {
                if (!ngx_http_p3p_is_set_cookie(h)) {
                    continue;
                }

                if (c == full) {
                    if (!want) {
                        continue;
                    }

                    /* more lines than the context holds: a larger array */

                    c = ngx_http_p3p_more_cookies(r, ctx, c - ctx->cookies);
                    if (c == NULL) {
                        return NGX_ERROR;
                    }

                    full = ctx->cookies + ctx->cookies_cap;
                }

                (c++)->header = h;

                continue;
            }

            if (h->key.len == sizeof("P3P") - 1 && ngx_http_p3p_is_p3p(h)) {
                seen = 1;

                if (ctx->policy == NULL) {
                    ngx_http_p3p_parse(&h->value, &ctx->parsed);

                    if (ctx->parsed.flags & P3P_POLICY_PRESENT) {
                        ctx->policy = &ctx->parsed;
                    }
                }
            }
        }

        if (part->next == NULL) {
            break;
        }

        part = part->next;
    }

    n = c - ctx->cookies;
    ctx->ncookies = n;

    if (!seen && plcf->header.len) {
        if (ngx_http_p3p_add_header(r, plcf) != NGX_OK) {
            return NGX_ERROR;
        }

        ctx->policy = &plcf->policy;
    }

    if (n) {
        if (ngx_http_p3p_cookies(r, plcf, ctx, seen) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    return ngx_http_next_header_filter(r);
}


/*
 * Parses a P3P header value, reusing the last value this worker parsed
 * when it is the same (an upstream usually sends the same one each time).
 */

static void
ngx_http_p3p_parse(ngx_str_t *value, p3p_policy *policy)
{
    if (ngx_http_p3p_cache_valid
        && value->len == ngx_http_p3p_cache_len
        && ngx_memcmp(value->data, ngx_http_p3p_cache_value, value->len) == 0)
    {
        *policy = ngx_http_p3p_cache_policy;
        return;
    }

    if (p3p_policy_parse(value->data, value->len, policy) != P3P_STATUS_OK) {
        ngx_memzero(policy, sizeof(p3p_policy));
        return;
    }

    if (value->len <= NGX_HTTP_P3P_CACHE) {
        ngx_memcpy(ngx_http_p3p_cache_value, value->data, value->len);
        ngx_http_p3p_cache_len = value->len;
        ngx_http_p3p_cache_policy = *policy;
        ngx_http_p3p_cache_valid = 1;
    }
}


/*
 * The n Set-Cookie lines so far filled ctx->cookies: they move to a pool
 * array twice the size. Returns where the next line goes.
 */

static ngx_http_p3p_cookie_t *
ngx_http_p3p_more_cookies(ngx_http_request_t *r, ngx_http_p3p_ctx_t *ctx,
    ngx_uint_t n)
{
    ngx_http_p3p_cookie_t  *more;

    more = ngx_palloc(r->pool,
                      2 * ctx->cookies_cap * sizeof(ngx_http_p3p_cookie_t));
    if (more == NULL) {
        return NULL;
    }

    ngx_memcpy(more, ctx->cookies, n * sizeof(ngx_http_p3p_cookie_t));

    ctx->cookies = more;
    ctx->cookies_cap *= 2;

    return more + n;
}


/*
 * Decides the Set-Cookie lines. Policy, level and party are the same for
 * all of them, so their decisions are made once, as a plan: here for the
 * response, or at configuration time when nothing in the response can
 * change them (a fixed level, no upstream P3P line; see
 * ngx_http_p3p_plan_conf()): then neither the level nor the profile is
 * looked up here.
 *
 * Each line is read once by the library, which writes a downgrade or a
 * leash into the scratch buffer, copied to the pool; a kept line is left
 * as it is (no allocation) and a blocked one removed. A value too long
 * for the scratch buffer gets a pool buffer of the size any action fits in.
 */

static ngx_int_t
ngx_http_p3p_cookies(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx, ngx_uint_t upstream)
{
    time_t                      now;
    ngx_int_t                   rv;
    ngx_http_p3p_cookie_t      *c, *last;
    const ngx_http_p3p_plan_t  *plan;

    if (!plcf->planned || upstream) {
        rv = ngx_http_p3p_resolve(r, plcf, ctx);

        if (rv != NGX_OK) {
            /* NGX_DECLINED: the variable said "off" */
            return (rv == NGX_ERROR) ? NGX_ERROR : NGX_OK;
        }

        ctx->cookie_plan_for = 0;
    }

    /* a P3P_PARTY_*, whatever p3p_party says (auto, a variable) */
    ctx->party = ngx_http_p3p_party(r, plcf);

    if (plcf->planned && !upstream) {
        plan = &plcf->plans[ctx->party];

    } else {
        ngx_http_p3p_make_plan(ctx->profile, ctx->policy, ctx->level,
                               ctx->party, &ctx->plan);
        plan = &ctx->plan;
    }

    ctx->decided = 1;

    now = ngx_time();

    c = ctx->cookies;
    last = c + ctx->ncookies;

    /* the common case apart: a plan that was made, no cookie policies */

    if (plan->rc == P3P_STATUS_OK && plcf->cookie_policies == NULL) {
        for ( /* void */ ; c < last; c++) {
            if (ngx_http_p3p_cookie(r, plcf, ctx, c, plan, now, 0) != NGX_OK) {
                return NGX_ERROR;
            }
        }

        return NGX_OK;
    }

    for ( /* void */ ; c < last; c++) {
        if (ngx_http_p3p_cookie(r, plcf, ctx, c, plan, now, 1) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


/*
 * Decides one line and applies the decision; "general" (a constant where
 * it is called) adds a plan that may have failed and the cookie policies.
 */

static NGX_HTTP_P3P_INLINE ngx_int_t
ngx_http_p3p_cookie(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx, ngx_http_p3p_cookie_t *c,
    const ngx_http_p3p_plan_t *plan, time_t now, ngx_uint_t general)
{
    u_char           *out, *buf;
    size_t            len, cap;
    p3p_status        rc;
    ngx_table_elt_t  *h;

    h = c->header;
    c->value = h->value;

    out = ngx_http_p3p_scratch;
    cap = c->value.len + P3P_COOKIE_LEASH_EXTRA;

    if (cap > sizeof(ngx_http_p3p_scratch)) {
        out = ngx_pnalloc(r->pool, cap + 1);
        if (out == NULL) {
            return NGX_ERROR;
        }
    }

    /* a plan that could not be made fails each cookie alike */

    rc = general ? plan->rc : P3P_STATUS_OK;

    if (rc == P3P_STATUS_OK) {
        rc = p3p_cookie_plan_apply(&plan->plan, c->value.data, c->value.len,
                                   now, &c->decision, out, cap, &len);
    }

    if (general && plcf->cookie_policies && rc == P3P_STATUS_OK) {
        rc = ngx_http_p3p_cookie_policy_apply(plcf, ctx, c, now, out, cap,
                                              &len);
    }

    if (rc != P3P_STATUS_OK) {
        /* the decision becomes accept or block, carried out below */
        ngx_http_p3p_cookie_failed(r, plcf, c, rc);
    }

    switch (c->decision.action) {

    case P3P_ACTION_DOWNGRADE:
    case P3P_ACTION_LEASH:
        buf = out;

        if (out == ngx_http_p3p_scratch) {
            buf = ngx_pnalloc(r->pool, len + 1);
            if (buf == NULL) {
                return NGX_ERROR;
            }

            ngx_memcpy(buf, out, len);
        }

        buf[len] = '\0';

        h->value.data = buf;
        h->value.len = len;
        break;

    case P3P_ACTION_BLOCK:
    case P3P_ACTION_PROMPT:
        /* deletion by hash == 0: every header writer skips it */
        h->hash = 0;
        break;

    default: /* P3P_ACTION_ACCEPT */
        break;
    }

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "p3p cookie %uz: %s", c->value.len,
                   p3p_action_str(c->decision.action));

    return NGX_OK;
}


/* the name of a decided cookie as received (NULL: none known) */

static ngx_inline u_char *
ngx_http_p3p_cookie_name(ngx_http_p3p_cookie_t *c, size_t *len)
{
    if (c->decision.name_offset > c->value.len
        || c->decision.name_len > c->value.len - c->decision.name_offset)
    {
        return NULL;
    }

    *len = c->decision.name_len;

    return c->value.data + c->decision.name_offset;
}


/*
 * A cookie with its own policy is decided again under it: the first
 * decision gives the name as the library reads it, so the name is never
 * parsed here; the patterns are plain strings.
 */

static p3p_status
ngx_http_p3p_cookie_policy_apply(ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx, ngx_http_p3p_cookie_t *c, time_t now,
    u_char *out, size_t cap, size_t *len)
{
    u_char                        *name;
    size_t                         name_len;
    ngx_uint_t                     j, n;
    const ngx_http_p3p_plan_t     *plan;
    ngx_http_p3p_cookie_policy_t  *cp;

    name = ngx_http_p3p_cookie_name(c, &name_len);
    if (name == NULL) {
        return P3P_STATUS_OK;
    }

    cp = plcf->cookie_policies->elts;
    n = plcf->cookie_policies->nelts;

    for (j = 0; j < n; j++) {
        if ((cp[j].prefix ? name_len >= cp[j].name.len
                          : name_len == cp[j].name.len)
            && ngx_strncmp(name, cp[j].name.data, cp[j].name.len) == 0)
        {
            plan = ngx_http_p3p_cookie_plan(plcf, ctx, j);

            if (plan->rc != P3P_STATUS_OK) {
                return plan->rc;
            }

            return p3p_cookie_plan_apply(&plan->plan, c->value.data,
                                         c->value.len, now, &c->decision,
                                         out, cap, len);
        }
    }

    return P3P_STATUS_OK;
}


/*
 * A cookie the library cannot handle never fails the response: its
 * decision is to keep or remove it, as p3p_on_error says, with no name
 * for $p3p_cookie_actions.
 */

static void
ngx_http_p3p_cookie_failed(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_cookie_t *c, p3p_status rc)
{
    uint32_t  action;

    action = (plcf->on_error == NGX_HTTP_P3P_ERROR_BLOCK)
             ? P3P_ACTION_BLOCK : P3P_ACTION_ACCEPT;

    ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                  "p3p: Set-Cookie header %s: %s",
                  action == P3P_ACTION_BLOCK ? "removed" : "kept",
                  p3p_status_str(rc));

    c->decision.action = action;
    c->decision.name_offset = 0;
    c->decision.name_len = 0;
}


/*
 * Works out, once per request, which profile and level decide the
 * response: its cookies, $p3p_class and $p3p_verdict all use them.
 * Returns NGX_OK, NGX_DECLINED (p3p_cookies is off, or its variable said
 * "off": the IE6 view stays, no cookie is touched) or NGX_ERROR.
 */

static ngx_int_t
ngx_http_p3p_resolve(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx)
{
    ngx_int_t  rc;

    if (!ctx->resolved) {
        ctx->profile = NULL;
        ctx->level = 0;
        ctx->cookies_off = 1;

        if (plcf->cookies != NGX_HTTP_P3P_COOKIES_OFF) {
            rc = ngx_http_p3p_level(r, plcf, &ctx->profile, &ctx->level);

            if (rc == NGX_ERROR) {
                return NGX_ERROR;
            }

            if (rc == NGX_DECLINED) {
                ctx->profile = NULL;

            } else {
                ctx->cookies_off = 0;
            }
        }

        ctx->resolved = 1;
    }

    return ctx->cookies_off ? NGX_DECLINED : NGX_OK;
}


/*
 * The plan for the cookies named by p3p_cookie_policy entry j: made at
 * configuration time, or when a cookie of this response first needs it.
 */

static const ngx_http_p3p_plan_t *
ngx_http_p3p_cookie_plan(ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx, ngx_uint_t j)
{
    ngx_http_p3p_cookie_policy_t  *cp;

    if (plcf->cookie_plans) {
        return &plcf->cookie_plans[2 * j + ctx->party];
    }

    if (ctx->cookie_plan_for != j + 1) {
        cp = plcf->cookie_policies->elts;

        ngx_http_p3p_make_plan(ctx->profile, &cp[j].policy, ctx->level,
                               ctx->party, &ctx->cookie_plan);
        ctx->cookie_plan_for = j + 1;
    }

    return &ctx->cookie_plan;
}


static void
ngx_http_p3p_make_plan(const p3p_profile *profile, const p3p_policy *policy,
    uint32_t level, uint32_t party, ngx_http_p3p_plan_t *plan)
{
    if (profile == NULL) {
        plan->rc = p3p_cookie_plan_make(policy, level, party, &plan->plan);

    } else {
        plan->rc = p3p_profile_cookie_plan(profile, policy, level, party,
                                           &plan->plan);
    }
}


static ngx_int_t
ngx_http_p3p_level(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    const p3p_profile **profile, uint32_t *level)
{
    ngx_str_t                  value;
    ngx_uint_t                 index;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (plcf->cookies != NGX_HTTP_P3P_COOKIES_VAR) {
        *profile = ngx_http_p3p_get_profile(r, plcf->cookies_profile);
        *level = (uint32_t) plcf->cookies;
        return NGX_OK;
    }

    if (ngx_http_complex_value(r, plcf->cookies_cv, &value) != NGX_OK) {
        return NGX_ERROR;
    }

    if (value.len == sizeof("off") - 1
        && ngx_strncasecmp(value.data, (u_char *) "off", sizeof("off") - 1)
           == 0)
    {
        return NGX_DECLINED;
    }

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_p3p_module);

    if (ngx_http_p3p_setting(pmcf, value.data, value.len, &index, level)
        == NGX_OK)
    {
        *profile = ngx_http_p3p_get_profile(r, index);
        return NGX_OK;
    }

    *profile = ngx_http_p3p_get_profile(r, plcf->fallback_profile);
    *level = (uint32_t) plcf->fallback;

    if (!ngx_http_p3p_level_warned) {
        ngx_http_p3p_level_warned = 1;

        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "p3p: unknown level \"%V\" in \"p3p_cookies\", "
                      "using \"p3p_cookies_fallback\" (logged once per "
                      "worker)", &value);
    }

    return NGX_OK;
}


/*
 * Parses a p3p_cookies value that is not "off" or a variable: an IE6
 * level, or NAME or NAME:LEVEL of a profile defined by p3p_profile.
 * Returns NGX_OK, NGX_DECLINED (no such level or profile) or NGX_ABORT
 * (the profile has no such level, or needs one).
 */

static ngx_int_t
ngx_http_p3p_setting(ngx_http_p3p_main_conf_t *pmcf, u_char *data,
    size_t len, ngx_uint_t *profile, uint32_t *level)
{
    u_char                  *colon, *name;
    size_t                   name_len;
    ngx_uint_t               i;
    p3p_status               rc;
    ngx_http_p3p_profile_t  *prof;

    if (p3p_level_parse(data, len, level) == P3P_STATUS_OK) {
        *profile = 0;
        return NGX_OK;
    }

    colon = ngx_strlchr(data, data + len, ':');
    name_len = (colon ? colon : data + len) - data;

    prof = pmcf->profiles.elts;

    for (i = 0; i < pmcf->profiles.nelts; i++) {
        if (prof[i].name.len == name_len
            && ngx_strncmp(prof[i].name.data, data, name_len) == 0)
        {
            break;
        }
    }

    if (i == pmcf->profiles.nelts) {
        return NGX_DECLINED;
    }

    /*
     * Without a level, ask for the library's name of the single rule set:
     * only profiles that ignore the level accept it.
     */

    if (colon) {
        name = colon + 1;
        len = data + len - name;

    } else {
        name = (u_char *) "profile";
        len = sizeof("profile") - 1;
    }

    rc = p3p_profile_level_parse(&prof[i].profile, name, len, level);
    if (rc != P3P_STATUS_OK) {
        return NGX_ABORT;
    }

    *profile = i + 1;

    return NGX_OK;
}


static const p3p_profile *
ngx_http_p3p_get_profile(ngx_http_request_t *r, ngx_uint_t profile)
{
    ngx_http_p3p_profile_t    *prof;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (profile == 0) {
        return NULL;
    }

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_p3p_module);
    prof = pmcf->profiles.elts;

    return &prof[profile - 1].profile;
}


static uint32_t
ngx_http_p3p_party(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf)
{
    uint32_t          party;
    ngx_str_t         value, site, dest;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h, *last;

    if (plcf->party == NGX_HTTP_P3P_PARTY_VAR) {

        if (ngx_http_complex_value(r, plcf->party_cv, &value) == NGX_OK
            && value.len
            && !(value.len == sizeof("auto") - 1
                 && ngx_strncasecmp(value.data, (u_char *) "auto",
                                    sizeof("auto") - 1) == 0))
        {
            if (p3p_party_parse(value.data, value.len, &party)
                == P3P_STATUS_OK)
            {
                return party;
            }

            if (!ngx_http_p3p_party_warned) {
                ngx_http_p3p_party_warned = 1;

                ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                              "p3p: unknown party \"%V\" in \"p3p_party\", "
                              "using \"auto\" (logged once per worker)",
                              &value);
            }
        }

    } else if (plcf->party != NGX_HTTP_P3P_PARTY_AUTO) {
        return (uint32_t) plcf->party;
    }

    /*
     * auto: the Fetch Metadata request headers, read in one pass; both
     * names have the same length, which turns the others away
     */

    ngx_str_null(&site);
    ngx_str_null(&dest);

    part = &r->headers_in.headers.part;

    for ( ;; ) {
        h = part->elts;

        for (last = h + part->nelts; h < last; h++) {

            if (h->key.len != sizeof("Sec-Fetch-Site") - 1) {
                continue;
            }

            if (site.data == NULL
                && ngx_strncasecmp(h->key.data, (u_char *) "Sec-Fetch-Site",
                                   sizeof("Sec-Fetch-Site") - 1) == 0)
            {
                site = h->value;

            } else if (dest.data == NULL
                       && ngx_strncasecmp(h->key.data,
                                          (u_char *) "Sec-Fetch-Dest",
                                          sizeof("Sec-Fetch-Dest") - 1) == 0)
            {
                dest = h->value;
            }
        }

        if (part->next == NULL) {
            break;
        }

        part = part->next;
    }

    if (p3p_party_from_fetch(site.data, site.len, dest.data, dest.len, &party)
        != P3P_STATUS_OK)
    {
        party = P3P_PARTY_FIRST;
    }

    return party;
}


static ngx_int_t
ngx_http_p3p_add_header(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf)
{
    ngx_table_elt_t  *h;

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    h->hash = 1;
    ngx_str_set(&h->key, "P3P");
    h->value = plcf->header;
    h->lowcase_key = (u_char *) "p3p";
#if (nginx_version >= 1023000)
    h->next = NULL;
#endif

    return NGX_OK;
}


/*
 * The key compares, once the length matched: the exact spelling first
 * (nearly every writer uses it), without regard to case only when that
 * fails. add_header's entries have no lowcase_key to compare instead.
 */

static ngx_inline ngx_uint_t
ngx_http_p3p_is_set_cookie(ngx_table_elt_t *h)
{
    return ngx_memcmp(h->key.data, "Set-Cookie", sizeof("Set-Cookie") - 1)
           == 0
           || ngx_strncasecmp(h->key.data, (u_char *) "Set-Cookie",
                              sizeof("Set-Cookie") - 1) == 0;
}


static ngx_inline ngx_uint_t
ngx_http_p3p_is_p3p(ngx_table_elt_t *h)
{
    return ngx_memcmp(h->key.data, "P3P", sizeof("P3P") - 1) == 0
           || ngx_strncasecmp(h->key.data, (u_char *) "P3P",
                              sizeof("P3P") - 1) == 0;
}


static ngx_int_t
ngx_http_p3p_policy_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    uint32_t                  n;
    p3p_status                rc;
    const char               *s;
    const p3p_policy         *policy;
    ngx_http_p3p_ctx_t       *ctx;
    ngx_http_p3p_loc_conf_t  *plcf;

    n = 0;

    ctx = ngx_http_get_module_ctx(r, ngx_http_p3p_module);

    if (ctx == NULL) {
        v->not_found = 1;
        return NGX_OK;
    }

    /* the view of the profile that decides the cookies (IE6 when none) */

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_p3p_module);

    if (ngx_http_p3p_resolve(r, plcf, ctx) == NGX_ERROR) {
        return NGX_ERROR;
    }

    policy = ctx->policy;

    if (data == NGX_HTTP_P3P_VAR_CLASS) {
        rc = ctx->profile ? p3p_profile_class(ctx->profile, policy, &n)
                          : p3p_policy_class(policy, &n);
        s = p3p_class_str(n);

    } else {
        rc = ctx->profile ? p3p_profile_verdict(ctx->profile, policy, &n)
                          : p3p_policy_verdict(policy, &n);
        s = p3p_verdict_str(n);
    }

    if (rc != P3P_STATUS_OK) {
        v->not_found = 1;
        return NGX_OK;
    }

    v->len = ngx_strlen(s);
    v->valid = 1;
    v->no_cacheable = 0;
    v->not_found = 0;
    v->data = (u_char *) s;

    return NGX_OK;
}


/*
 * $p3p_cookie_actions is built when it is first asked for, from what the
 * header filter kept: most configurations never use it.
 */

static ngx_int_t
ngx_http_p3p_actions_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    u_char                 *p, *cookie_name;
    size_t                  len, name_len;
    ngx_uint_t              i;
    const char             *name;
    ngx_http_p3p_ctx_t     *ctx;
    ngx_http_p3p_cookie_t  *c;

    ctx = ngx_http_get_module_ctx(r, ngx_http_p3p_module);

    if (ctx == NULL || !ctx->decided) {
        v->not_found = 1;
        return NGX_OK;
    }

    if (ctx->actions.data == NULL) {
        c = ctx->cookies;
        len = 0;

        for (i = 0; i < ctx->ncookies; i++) {
            len += ngx_http_p3p_cookie_name(&c[i], &name_len) ? name_len : 0;
            len += 1 + ngx_strlen(p3p_action_str(c[i].decision.action)) + 1;
        }

        p = ngx_pnalloc(r->pool, len);
        if (p == NULL) {
            return NGX_ERROR;
        }

        ctx->actions.data = p;

        /* "name:action", the name taken from the value as received */

        for (i = 0; i < ctx->ncookies; i++) {
            if (i) {
                *p++ = ',';
            }

            cookie_name = ngx_http_p3p_cookie_name(&c[i], &name_len);
            if (cookie_name) {
                p = ngx_cpymem(p, cookie_name, name_len);
            }

            *p++ = ':';

            name = p3p_action_str(c[i].decision.action);
            p = ngx_cpymem(p, name, ngx_strlen(name));
        }

        ctx->actions.len = p - ctx->actions.data;
    }

    v->len = ctx->actions.len;
    v->valid = 1;
    v->no_cacheable = 0;
    v->not_found = 0;
    v->data = ctx->actions.data;

    return NGX_OK;
}


static char *
ngx_http_p3p_policy(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    size_t                     len;
    ngx_str_t                 *value;
    p3p_status                 rc;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (plcf->policy_set != NGX_CONF_UNSET) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        plcf->policy_set = 0;
        return NGX_CONF_OK;
    }

    if (ngx_http_p3p_validate(cf, cmd, &value[1]) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    rc = p3p_policy_parse_tokens(value[1].data, value[1].len, &plcf->policy);
    if (rc != P3P_STATUS_OK) {
        goto failed;
    }

    rc = p3p_header_value(value[1].data, value[1].len, NULL, 0, &len);
    if (rc != P3P_STATUS_OK) {
        goto failed;
    }

    plcf->header.data = ngx_pnalloc(cf->pool, len);
    if (plcf->header.data == NULL) {
        return NGX_CONF_ERROR;
    }

    rc = p3p_header_value(value[1].data, value[1].len, plcf->header.data, len,
                          &plcf->header.len);
    if (rc != P3P_STATUS_OK) {
        goto failed;
    }

    plcf->policy_set = 1;

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_p3p_module);
    pmcf->used = 1;

    return NGX_CONF_OK;

failed:

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                       "invalid \"%V\" \"%V\": %s",
                       &cmd->name, &value[1], p3p_status_str(rc));

    return NGX_CONF_ERROR;
}


/*
 * The library validates compact-policy tokens; findings are reported with
 * the directive's file:line, errors fail the configuration. A long list
 * can have a finding per word: the first few of each kind are shown, then
 * one line says how many more there are.
 */

#define NGX_HTTP_P3P_SHOWN_PER_CODE  3
#define NGX_HTTP_P3P_CODES           32

static ngx_int_t
ngx_http_p3p_validate(ngx_conf_t *cf, ngx_command_t *cmd, ngx_str_t *value)
{
    u_char          *msg;
    size_t           n, len;
    uint32_t         code;
    ngx_uint_t       i, errors, level, hidden;
    p3p_status       rc;
    p3p_diagnostic  *diags;
    ngx_uint_t       seen[NGX_HTTP_P3P_CODES];
    uint32_t         severity[NGX_HTTP_P3P_CODES];

    rc = p3p_diagnostics(value->data, value->len, P3P_INPUT_TOKENS,
                         NULL, 0, &n);
    if (rc != P3P_STATUS_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" directive: p3p_diagnostics() failed: %s",
                           &cmd->name, p3p_status_str(rc));
        return NGX_ERROR;
    }

    if (n == 0) {
        return NGX_OK;
    }

    diags = ngx_palloc(cf->temp_pool, n * sizeof(p3p_diagnostic));
    if (diags == NULL) {
        return NGX_ERROR;
    }

    rc = p3p_diagnostics(value->data, value->len, P3P_INPUT_TOKENS,
                         diags, n, &n);
    if (rc != P3P_STATUS_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" directive: p3p_diagnostics() failed: %s",
                           &cmd->name, p3p_status_str(rc));
        return NGX_ERROR;
    }

    ngx_memzero(seen, sizeof(seen));
    errors = 0;

    for (i = 0; i < n; i++) {

        if (diags[i].severity == P3P_SEVERITY_ERROR) {
            errors++;
        }

        code = diags[i].code < NGX_HTTP_P3P_CODES ? diags[i].code : 0;
        severity[code] = diags[i].severity;

        if (seen[code]++ >= NGX_HTTP_P3P_SHOWN_PER_CODE) {
            continue;
        }

        rc = p3p_diagnostic_message(&diags[i], value->data, value->len,
                                    NULL, 0, &len);
        if (rc != P3P_STATUS_OK) {
            continue;
        }

        msg = ngx_pnalloc(cf->temp_pool, len);
        if (msg == NULL) {
            return NGX_ERROR;
        }

        if (p3p_diagnostic_message(&diags[i], value->data, value->len,
                                   msg, len, &len)
            != P3P_STATUS_OK)
        {
            continue;
        }

        if (diags[i].severity == P3P_SEVERITY_ERROR) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid \"%V\": %*s", &cmd->name, len, msg);

        } else {
            ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                               "\"%V\": %*s", &cmd->name, len, msg);
        }
    }

    for (code = 0; code < NGX_HTTP_P3P_CODES; code++) {
        if (seen[code] <= NGX_HTTP_P3P_SHOWN_PER_CODE) {
            continue;
        }

        level = (severity[code] == P3P_SEVERITY_ERROR) ? NGX_LOG_EMERG
                                                        : NGX_LOG_WARN;

        hidden = seen[code] - NGX_HTTP_P3P_SHOWN_PER_CODE;

        ngx_conf_log_error(level, cf, 0,
                           "\"%V\": and %ui more \"%s\" %s%s not shown",
                           &cmd->name, hidden, p3p_diagnostic_code_str(code),
                           level == NGX_LOG_EMERG ? "error" : "warning",
                           hidden == 1 ? "" : "s");
    }

    return errors ? NGX_ERROR : NGX_OK;
}


static char *
ngx_http_p3p_profile_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_p3p_main_conf_t *pmcf = conf;

    uint32_t                 level;
    ngx_str_t               *value;
    ngx_uint_t               i;
    p3p_status               rc;
    ngx_http_p3p_profile_t  *prof;

    value = cf->args->elts;

    /*
     * p3p_cookies reads "off", the IE6 levels, NAME:LEVEL and variables
     * before profile names: a name that would be shadowed is refused
     */

    if (value[1].len == 0
        || ngx_strcmp(value[1].data, "off") == 0
        || ngx_strlchr(value[1].data, value[1].data + value[1].len, ':')
        || ngx_strlchr(value[1].data, value[1].data + value[1].len, '$')
        || p3p_level_parse(value[1].data, value[1].len, &level)
           == P3P_STATUS_OK)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid profile name \"%V\" in \"%V\" directive, "
                           "it must not be empty, \"off\", a level, "
                           "or contain \":\" or \"$\"",
                           &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    prof = pmcf->profiles.elts;

    for (i = 0; i < pmcf->profiles.nelts; i++) {
        if (prof[i].name.len == value[1].len
            && ngx_strncmp(prof[i].name.data, value[1].data, value[1].len)
               == 0)
        {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "duplicate profile \"%V\" in \"%V\" directive",
                               &value[1], &cmd->name);
            return NGX_CONF_ERROR;
        }
    }

    prof = ngx_array_push(&pmcf->profiles);
    if (prof == NULL) {
        return NGX_CONF_ERROR;
    }

    prof->name = value[1];

    /* a built-in name first; anything else is a file */

    rc = p3p_profile_builtin(value[2].data, value[2].len, &prof->profile);

    if (rc == P3P_STATUS_OK) {
        return NGX_CONF_OK;
    }

    if (rc != P3P_STATUS_UNKNOWN_NAME) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" directive: p3p_profile_builtin() "
                           "failed: %s", &cmd->name, p3p_status_str(rc));

    } else if (value[2].len >= sizeof("mozilla:") - 1
               && ngx_strncasecmp(value[2].data, (u_char *) "mozilla:",
                                  sizeof("mozilla:") - 1) == 0)
    {
        /* "mozilla:" is the library's prefix, never a file name */

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, a "
                           "Mozilla profile is \"mozilla:\" followed by "
                           "low, medium, high, default or exactly eight "
                           "letters", &value[2], &cmd->name);

    } else if (ngx_http_p3p_profile_file(cf, cmd, &value[2], &prof->profile)
               == NGX_CONF_OK)
    {
        return NGX_CONF_OK;
    }

    pmcf->profiles.nelts--;

    return NGX_CONF_ERROR;
}


/*
 * The library checks the file before it reads it (a regular file of at
 * most 1 MiB) and compiles it; errors name the directive, the file, the
 * line and column when there is one, and what is wrong.
 */

static char *
ngx_http_p3p_profile_file(ngx_conf_t *cf, ngx_command_t *cmd,
    ngx_str_t *name, p3p_profile *profile)
{
    u_char             *msg;
    size_t              len;
    ngx_str_t           path;
    p3p_status          rc;
    p3p_profile_error   err;

    path = *name;

    if (ngx_conf_full_name(cf->cycle, &path, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    rc = p3p_profile_load_file(path.data, path.len, profile, &err);

    if (rc == P3P_STATUS_OK) {
        return NGX_CONF_OK;
    }

    if (rc != P3P_STATUS_PROFILE_INVALID) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" directive: p3p_profile_load_file(\"%V\") "
                           "failed: %s", &cmd->name, &path,
                           p3p_status_str(rc));
        return NGX_CONF_ERROR;
    }

    /* "FILE:LINE:COLUMN: message", as compilers print it, or "FILE: message" */

    if (p3p_profile_error_message(&err, NULL, 0, &len) != P3P_STATUS_OK
        || (msg = ngx_pnalloc(cf->temp_pool, len)) == NULL
        || p3p_profile_error_message(&err, msg, len, &len) != P3P_STATUS_OK)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" file %V:%uD:%uD: %s",
                           &cmd->name, &path, err.line, err.column,
                           p3p_profile_error_str(err.code));
        return NGX_CONF_ERROR;
    }

    if (err.code == P3P_PROFILE_ERROR_OPEN) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" file %V: %*s (and \"%V\" is "
                           "not a built-in profile)",
                           &cmd->name, &path, len, msg, name);

    } else if (err.line == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" file %V: %*s",
                           &cmd->name, &path, len, msg);

    } else if (err.count > 1) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" file %V:%*s (%uD errors in all)",
                           &cmd->name, &path, len, msg, err.count);

    } else {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" file %V:%*s",
                           &cmd->name, &path, len, msg);
    }

    return NGX_CONF_ERROR;
}


static char *
ngx_http_p3p_cookie_policy(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    u_char                        *star;
    ngx_str_t                     *value;
    p3p_status                     rc;
    ngx_http_p3p_cookie_policy_t  *cp;

    value = cf->args->elts;

    /* a "*" is only meaningful last, as a prefix match */

    star = ngx_strlchr(value[1].data, value[1].data + value[1].len, '*');

    if (value[1].len == 0
        || (star && star != value[1].data + value[1].len - 1))
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid cookie name \"%V\" in \"%V\" directive, "
                           "it must be a name or a prefix ending in \"*\"",
                           &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    if (ngx_http_p3p_validate(cf, cmd, &value[2]) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (plcf->cookie_policies == NULL) {
        plcf->cookie_policies = ngx_array_create(cf->pool, 4,
                                         sizeof(ngx_http_p3p_cookie_policy_t));
        if (plcf->cookie_policies == NULL) {
            return NGX_CONF_ERROR;
        }
    }

    cp = ngx_array_push(plcf->cookie_policies);
    if (cp == NULL) {
        return NGX_CONF_ERROR;
    }

    cp->name = value[1];
    cp->prefix = (star != NULL);

    if (cp->prefix) {
        cp->name.len--;
    }

    rc = p3p_policy_parse_tokens(value[2].data, value[2].len, &cp->policy);
    if (rc != P3P_STATUS_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"%V\" \"%V\": %s",
                           &cmd->name, &value[2], p3p_status_str(rc));
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_p3p_cookies_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    uint32_t                   level;
    ngx_int_t                  rc;
    ngx_str_t                 *value;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (plcf->cookies != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        plcf->cookies = NGX_HTTP_P3P_COOKIES_OFF;
        return NGX_CONF_OK;
    }

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_p3p_module);
    pmcf->used = 1;

    if (ngx_http_script_variables_count(&value[1])) {
        plcf->cookies_cv = ngx_http_p3p_compile(cf, &value[1]);
        if (plcf->cookies_cv == NULL) {
            return NGX_CONF_ERROR;
        }

        plcf->cookies = NGX_HTTP_P3P_COOKIES_VAR;
        return NGX_CONF_OK;
    }

    rc = ngx_http_p3p_setting(pmcf, value[1].data, value[1].len,
                              &plcf->cookies_profile, &level);
    if (rc != NGX_OK) {
        return ngx_http_p3p_setting_error(cf, cmd, &value[1], rc);
    }

    plcf->cookies = level;

    return NGX_CONF_OK;
}


static char *
ngx_http_p3p_setting_error(ngx_conf_t *cf, ngx_command_t *cmd,
    ngx_str_t *value, ngx_int_t rc)
{
    if (rc == NGX_ABORT) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "the profile has no such level, or needs "
                           "NAME:LEVEL", value, &cmd->name);

    } else {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be \"off\", a level, a profile defined "
                           "by \"p3p_profile\" before it (NAME or "
                           "NAME:LEVEL) or a variable", value, &cmd->name);
    }

    return NGX_CONF_ERROR;
}


static char *
ngx_http_p3p_fallback(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    uint32_t                   level;
    ngx_int_t                  rc;
    ngx_str_t                 *value;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (plcf->fallback != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_p3p_module);

    rc = ngx_http_p3p_setting(pmcf, value[1].data, value[1].len,
                              &plcf->fallback_profile, &level);
    if (rc != NGX_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be a level or a profile defined by "
                           "\"p3p_profile\" before it (NAME or NAME:LEVEL)",
                           &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    plcf->fallback = level;

    return NGX_CONF_OK;
}


static char *
ngx_http_p3p_party_directive(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    uint32_t    party;
    ngx_str_t  *value;

    if (plcf->party != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "auto") == 0) {
        plcf->party = NGX_HTTP_P3P_PARTY_AUTO;
        return NGX_CONF_OK;
    }

    if (ngx_http_script_variables_count(&value[1])) {
        plcf->party_cv = ngx_http_p3p_compile(cf, &value[1]);
        if (plcf->party_cv == NULL) {
            return NGX_CONF_ERROR;
        }

        plcf->party = NGX_HTTP_P3P_PARTY_VAR;
        return NGX_CONF_OK;
    }

    if (p3p_party_parse(value[1].data, value[1].len, &party) != P3P_STATUS_OK)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be \"auto\", \"first\", \"third\" "
                           "or a variable", &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    plcf->party = party;

    return NGX_CONF_OK;
}


static char *
ngx_http_p3p_on_error_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    ngx_str_t  *value;

    if (plcf->on_error != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "accept") == 0) {
        plcf->on_error = NGX_HTTP_P3P_ERROR_ACCEPT;

    } else if (ngx_strcmp(value[1].data, "block") == 0) {
        plcf->on_error = NGX_HTTP_P3P_ERROR_BLOCK;

    } else {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be \"block\" or \"accept\"",
                           &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static ngx_http_complex_value_t *
ngx_http_p3p_compile(ngx_conf_t *cf, ngx_str_t *value)
{
    ngx_http_complex_value_t          *cv;
    ngx_http_compile_complex_value_t   ccv;

    cv = ngx_palloc(cf->pool, sizeof(ngx_http_complex_value_t));
    if (cv == NULL) {
        return NULL;
    }

    ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

    ccv.cf = cf;
    ccv.value = value;
    ccv.complex_value = cv;

    if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
        return NULL;
    }

    return cv;
}


static ngx_int_t
ngx_http_p3p_add_variables(ngx_conf_t *cf)
{
    ngx_http_variable_t  *var, *v;

    for (v = ngx_http_p3p_vars; v->name.len; v++) {
        var = ngx_http_add_variable(cf, &v->name, v->flags);
        if (var == NULL) {
            return NGX_ERROR;
        }

        var->get_handler = v->get_handler;
        var->data = v->data;
    }

    return NGX_OK;
}


static void *
ngx_http_p3p_create_main_conf(ngx_conf_t *cf)
{
    ngx_http_p3p_main_conf_t  *pmcf;

    pmcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_p3p_main_conf_t));
    if (pmcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     pmcf->used = 0;
     */

    if (ngx_array_init(&pmcf->profiles, cf->pool, 2,
                       sizeof(ngx_http_p3p_profile_t))
        != NGX_OK)
    {
        return NULL;
    }

    return pmcf;
}


static void *
ngx_http_p3p_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_p3p_loc_conf_t  *conf;

    conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_p3p_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     conf->policy = { 0 };
     *     conf->header = { 0, NULL };
     *     conf->cookies_profile = 0;
     *     conf->cookies_cv = NULL;
     *     conf->fallback_profile = 0;
     *     conf->cookie_policies = NULL;
     *     conf->party_cv = NULL;
     */

    conf->policy_set = NGX_CONF_UNSET;
    conf->cookies = NGX_CONF_UNSET_UINT;
    conf->fallback = NGX_CONF_UNSET_UINT;
    conf->party = NGX_CONF_UNSET_UINT;
    conf->on_error = NGX_CONF_UNSET_UINT;

    return conf;
}


static char *
ngx_http_p3p_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_p3p_loc_conf_t *prev = parent;
    ngx_http_p3p_loc_conf_t *conf = child;

    /* a p3p_policy is a plain value: inherit it whole, header included */

    if (conf->policy_set == NGX_CONF_UNSET) {
        conf->policy_set = prev->policy_set;
        conf->policy = prev->policy;
        conf->header = prev->header;
    }

    if (conf->policy_set == NGX_CONF_UNSET) {
        conf->policy_set = 0;
    }

    if (conf->cookies == NGX_CONF_UNSET_UINT) {
        conf->cookies = prev->cookies;
        conf->cookies_profile = prev->cookies_profile;
        conf->cookies_cv = prev->cookies_cv;
    }

    /* the whole list, as add_header: a location with its own has only it */

    if (conf->cookie_policies == NULL) {
        conf->cookie_policies = prev->cookie_policies;
    }

    if (conf->cookies == NGX_CONF_UNSET_UINT) {
        conf->cookies = NGX_HTTP_P3P_COOKIES_OFF;
    }

    if (conf->party == NGX_CONF_UNSET_UINT) {
        conf->party = prev->party;
        conf->party_cv = prev->party_cv;
    }

    if (conf->party == NGX_CONF_UNSET_UINT) {
        conf->party = NGX_HTTP_P3P_PARTY_AUTO;
    }

    if (conf->fallback == NGX_CONF_UNSET_UINT) {
        conf->fallback = prev->fallback;
        conf->fallback_profile = prev->fallback_profile;
    }

    if (conf->fallback == NGX_CONF_UNSET_UINT) {
        conf->fallback = P3P_LEVEL_MEDIUM;
    }
    /* browsers drop a Set-Cookie with a control byte (RFC 6265bis) */
    ngx_conf_merge_uint_value(conf->on_error, prev->on_error,
                              NGX_HTTP_P3P_ERROR_BLOCK);

    if (ngx_http_p3p_plan_conf(cf, conf) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


/*
 * With the level fixed (not a variable), a response of the location that
 * has no upstream P3P line is decided by this location's p3p_policy (or
 * none) at that level, in its party: one of two plans made here. The
 * p3p_cookie_policy entries never depend on the response: their plans
 * are made here too, two each. A plan that fails is kept with its status
 * and reported per cookie, as at run time.
 */

static ngx_int_t
ngx_http_p3p_plan_conf(ngx_conf_t *cf, ngx_http_p3p_loc_conf_t *conf)
{
    uint32_t                       party;
    ngx_uint_t                     j, n;
    const p3p_profile             *profile;
    ngx_http_p3p_profile_t        *prof;
    ngx_http_p3p_main_conf_t      *pmcf;
    ngx_http_p3p_cookie_policy_t  *cp;

    conf->planned = 0;
    conf->cookie_plans = NULL;

    if (conf->cookies == NGX_HTTP_P3P_COOKIES_OFF
        || conf->cookies == NGX_HTTP_P3P_COOKIES_VAR)
    {
        return NGX_OK;
    }

    profile = NULL;

    if (conf->cookies_profile) {
        pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_p3p_module);
        prof = pmcf->profiles.elts;
        profile = &prof[conf->cookies_profile - 1].profile;
    }

    for (party = P3P_PARTY_FIRST; party <= P3P_PARTY_THIRD; party++) {
        ngx_http_p3p_make_plan(profile,
                               conf->header.len ? &conf->policy : NULL,
                               (uint32_t) conf->cookies, party,
                               &conf->plans[party]);
    }

    if (conf->cookie_policies) {
        cp = conf->cookie_policies->elts;
        n = conf->cookie_policies->nelts;

        conf->cookie_plans = ngx_palloc(cf->pool,
                                        2 * n * sizeof(ngx_http_p3p_plan_t));
        if (conf->cookie_plans == NULL) {
            return NGX_ERROR;
        }

        for (j = 0; j < n; j++) {
            for (party = P3P_PARTY_FIRST; party <= P3P_PARTY_THIRD; party++) {
                ngx_http_p3p_make_plan(profile, &cp[j].policy,
                                       (uint32_t) conf->cookies, party,
                                       &conf->cookie_plans[2 * j + party]);
            }
        }
    }

    conf->planned = 1;

    return NGX_OK;
}


static ngx_int_t
ngx_http_p3p_init(ngx_conf_t *cf)
{
    ngx_http_p3p_main_conf_t  *pmcf;

    if (p3p_abi_version() != P3P_ABI_VERSION) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "libp3p %s has ABI version %uD, "
                      "ngx_http_p3p_module was built for %d",
                      p3p_version(), p3p_abi_version(), P3P_ABI_VERSION);
        return NGX_ERROR;
    }

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_p3p_module);

    /* no configuration uses the module: stay out of the filter chain */

    if (!pmcf->used) {
        return NGX_OK;
    }

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_p3p_header_filter;

    return NGX_OK;
}
