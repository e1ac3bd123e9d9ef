
/*
 * ngx_http_p3p_module: adds the site's P3P compact policy to responses and
 * applies libp3p's IE6 cookie decisions to every Set-Cookie header.
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
    ngx_flag_t                  used;
} ngx_http_p3p_main_conf_t;


typedef struct {
    /* p3p_policy: policy_set is NGX_CONF_UNSET, 0 (off) or 1 */
    ngx_flag_t                  policy_set;
    p3p_policy                  policy;
    ngx_str_t                   header;

    /* p3p_cookies: a P3P_LEVEL_*, or NGX_HTTP_P3P_COOKIES_* */
    ngx_uint_t                  cookies;
    ngx_http_complex_value_t   *cookies_cv;
    ngx_uint_t                  fallback;

    /* p3p_party: a P3P_PARTY_*, or NGX_HTTP_P3P_PARTY_* */
    ngx_uint_t                  party;
    ngx_http_complex_value_t   *party_cv;

    ngx_uint_t                  on_error;
} ngx_http_p3p_loc_conf_t;


typedef struct {
    p3p_policy                  policy;
    ngx_str_t                   actions;
    unsigned                    has_policy:1;
    unsigned                    decided:1;
} ngx_http_p3p_ctx_t;


static ngx_int_t ngx_http_p3p_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_p3p_cookies(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, ngx_http_p3p_ctx_t *ctx, size_t size);
static ngx_int_t ngx_http_p3p_level(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf, uint32_t *level);
static uint32_t ngx_http_p3p_party(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf);
static ngx_int_t ngx_http_p3p_add_header(ngx_http_request_t *r,
    ngx_http_p3p_loc_conf_t *plcf);
static ngx_inline ngx_uint_t ngx_http_p3p_is_set_cookie(ngx_table_elt_t *h);

static ngx_int_t ngx_http_p3p_policy_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_p3p_actions_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);

static char *ngx_http_p3p_policy(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_cookies_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_fallback(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_p3p_party_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);

static ngx_http_complex_value_t *ngx_http_p3p_compile(ngx_conf_t *cf,
    ngx_str_t *value);
static ngx_int_t ngx_http_p3p_add_variables(ngx_conf_t *cf);
static void *ngx_http_p3p_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_p3p_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_p3p_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_p3p_init(ngx_conf_t *cf);


static ngx_conf_enum_t  ngx_http_p3p_on_error[] = {
    { ngx_string("accept"), NGX_HTTP_P3P_ERROR_ACCEPT },
    { ngx_string("block"), NGX_HTTP_P3P_ERROR_BLOCK },
    { ngx_null_string, 0 }
};


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
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_p3p_loc_conf_t, on_error),
      &ngx_http_p3p_on_error },

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

/* the longest p3p_action_str(), to size $p3p_cookie_actions at once */
static size_t  ngx_http_p3p_action_max;

/* bad run-time values are logged once per worker process */
static ngx_uint_t  ngx_http_p3p_level_warned;
static ngx_uint_t  ngx_http_p3p_party_warned;


static ngx_int_t
ngx_http_p3p_header_filter(ngx_http_request_t *r)
{
    size_t                    size;
    ngx_uint_t                i, seen;
    ngx_list_part_t          *part;
    ngx_table_elt_t          *h;
    ngx_http_p3p_ctx_t       *ctx;
    ngx_http_p3p_loc_conf_t  *plcf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_p3p_module);

    if (plcf->cookies == NGX_HTTP_P3P_COOKIES_OFF && plcf->header.len == 0) {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_p3p_ctx_t));
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    ngx_http_set_ctx(r, ctx, ngx_http_p3p_module);

    /*
     * One pass finds the policy the client will see (the first P3P line
     * that carries one, which is what joining the lines would give) and
     * measures the Set-Cookie lines; deleted entries (hash == 0) are skipped.
     */

    seen = 0;
    size = 0;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash == 0) {
            continue;
        }

        if (ngx_http_p3p_is_set_cookie(&h[i])) {
            size += h[i].value.len + ngx_http_p3p_action_max + 2;
            continue;
        }

        if (h[i].key.len == sizeof("P3P") - 1
            && ngx_strncasecmp(h[i].key.data, (u_char *) "P3P",
                               sizeof("P3P") - 1) == 0)
        {
            seen = 1;

            if (!ctx->has_policy
                && p3p_policy_parse(h[i].value.data, h[i].value.len,
                                    &ctx->policy)
                   == P3P_STATUS_OK
                && (ctx->policy.flags & P3P_POLICY_PRESENT))
            {
                ctx->has_policy = 1;
            }
        }
    }

    if (!seen && plcf->header.len) {
        if (ngx_http_p3p_add_header(r, plcf) != NGX_OK) {
            return NGX_ERROR;
        }

        ctx->policy = plcf->policy;
        ctx->has_policy = 1;
    }

    if (plcf->cookies != NGX_HTTP_P3P_COOKIES_OFF && size) {
        if (ngx_http_p3p_cookies(r, plcf, ctx, size) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    return ngx_http_next_header_filter(r);
}


static ngx_int_t
ngx_http_p3p_cookies(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    ngx_http_p3p_ctx_t *ctx, size_t size)
{
    u_char               *p, *buf;
    size_t                len;
    uint32_t              level, party, action;
    ngx_int_t             rv;
    ngx_str_t             value;
    ngx_uint_t            i;
    p3p_status            rc;
    const char           *name;
    ngx_list_part_t      *part;
    ngx_table_elt_t      *h;
    const p3p_policy     *policy;
    p3p_cookie_decision   d;

    rv = ngx_http_p3p_level(r, plcf, &level);

    if (rv != NGX_OK) {
        /* NGX_DECLINED: the variable said "off" */
        return (rv == NGX_ERROR) ? NGX_ERROR : NGX_OK;
    }

    party = ngx_http_p3p_party(r, plcf);
    policy = ctx->has_policy ? &ctx->policy : NULL;

    p = ngx_pnalloc(r->pool, size);
    if (p == NULL) {
        return NGX_ERROR;
    }

    ctx->actions.data = p;
    ctx->decided = 1;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash == 0 || !ngx_http_p3p_is_set_cookie(&h[i])) {
            continue;
        }

        value = h[i].value;

        rc = p3p_cookie_decide(policy, level, party, value.data, value.len,
                               ngx_time(), &d);

        if (rc == P3P_STATUS_OK) {
            action = d.action;

        } else {
            action = P3P_ACTION_ACCEPT;
            d.name_len = 0;
        }

        if (action == P3P_ACTION_DOWNGRADE || action == P3P_ACTION_LEASH) {
            buf = ngx_pnalloc(r->pool, value.len + P3P_COOKIE_LEASH_EXTRA + 1);
            if (buf == NULL) {
                return NGX_ERROR;
            }

            rc = p3p_cookie_rewrite(value.data, value.len, action, buf,
                                    value.len + P3P_COOKIE_LEASH_EXTRA, &len);

            if (rc == P3P_STATUS_OK) {
                buf[len] = '\0';
                h[i].value.data = buf;
                h[i].value.len = len;
            }
        }

        if (rc != P3P_STATUS_OK) {
            /*
             * A cookie the library cannot handle never fails the response:
             * it is kept or removed as p3p_on_error says.
             */
            action = (plcf->on_error == NGX_HTTP_P3P_ERROR_BLOCK)
                     ? P3P_ACTION_BLOCK : P3P_ACTION_ACCEPT;

            ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                          "p3p: Set-Cookie header %s: %s",
                          action == P3P_ACTION_BLOCK ? "removed" : "kept",
                          p3p_status_str(rc));
        }

        /* deletion by hash == 0: every header writer skips such entries */
        if (action == P3P_ACTION_BLOCK || action == P3P_ACTION_PROMPT) {
            h[i].hash = 0;
        }

        /* "name:action", the name taken from the value as received */

        if (p != ctx->actions.data) {
            *p++ = ',';
        }

        if (d.name_len && d.name_offset + d.name_len <= value.len) {
            p = ngx_cpymem(p, value.data + d.name_offset, d.name_len);
        }

        *p++ = ':';

        name = p3p_action_str(action);
        p = ngx_cpymem(p, name, ngx_strlen(name));

        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "p3p cookie %uz: %s", value.len, name);
    }

    ctx->actions.len = p - ctx->actions.data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_p3p_level(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf,
    uint32_t *level)
{
    ngx_str_t  value;

    if (plcf->cookies != NGX_HTTP_P3P_COOKIES_VAR) {
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

    if (p3p_level_parse(value.data, value.len, level) == P3P_STATUS_OK) {
        return NGX_OK;
    }

    *level = (uint32_t) plcf->fallback;

    if (!ngx_http_p3p_level_warned) {
        ngx_http_p3p_level_warned = 1;

        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "p3p: unknown level \"%V\" in \"p3p_cookies\", "
                      "using \"%s\" (logged once per worker)",
                      &value, p3p_level_str(*level));
    }

    return NGX_OK;
}


static uint32_t
ngx_http_p3p_party(ngx_http_request_t *r, ngx_http_p3p_loc_conf_t *plcf)
{
    uint32_t          party;
    ngx_str_t         value, site, dest;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

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

    /* auto: the Fetch Metadata request headers, read in one pass */

    ngx_str_null(&site);
    ngx_str_null(&dest);

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len != sizeof("Sec-Fetch-Site") - 1) {
            continue;
        }

        if (site.data == NULL
            && ngx_strncasecmp(h[i].key.data, (u_char *) "Sec-Fetch-Site",
                               sizeof("Sec-Fetch-Site") - 1) == 0)
        {
            site = h[i].value;

        } else if (dest.data == NULL
                   && ngx_strncasecmp(h[i].key.data,
                                      (u_char *) "Sec-Fetch-Dest",
                                      sizeof("Sec-Fetch-Dest") - 1) == 0)
        {
            dest = h[i].value;
        }
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


static ngx_inline ngx_uint_t
ngx_http_p3p_is_set_cookie(ngx_table_elt_t *h)
{
    /* add_header's entries have no lowcase_key: compare the key itself */

    return h->key.len == sizeof("Set-Cookie") - 1
           && ngx_strncasecmp(h->key.data, (u_char *) "Set-Cookie",
                              sizeof("Set-Cookie") - 1) == 0;
}


static ngx_int_t
ngx_http_p3p_policy_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    uint32_t             n;
    p3p_status           rc;
    const char          *s;
    const p3p_policy    *policy;
    ngx_http_p3p_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_p3p_module);

    if (ctx == NULL) {
        v->not_found = 1;
        return NGX_OK;
    }

    policy = ctx->has_policy ? &ctx->policy : NULL;

    if (data == NGX_HTTP_P3P_VAR_CLASS) {
        rc = p3p_policy_class(policy, &n);
        s = p3p_class_str(n);

    } else {
        rc = p3p_policy_verdict(policy, &n);
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


static ngx_int_t
ngx_http_p3p_actions_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_http_p3p_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_p3p_module);

    if (ctx == NULL || !ctx->decided) {
        v->not_found = 1;
        return NGX_OK;
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

    u_char                    *msg;
    size_t                     n, len;
    ngx_str_t                 *value;
    ngx_uint_t                 i, errors;
    p3p_status                 rc;
    p3p_diagnostic            *diags;
    ngx_http_p3p_main_conf_t  *pmcf;

    if (plcf->policy_set != NGX_CONF_UNSET) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        plcf->policy_set = 0;
        return NGX_CONF_OK;
    }

    /* the library validates; every finding is reported with file:line */

    rc = p3p_diagnostics(value[1].data, value[1].len, P3P_INPUT_TOKENS,
                         NULL, 0, &n);
    if (rc != P3P_STATUS_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "p3p_diagnostics() failed: %s", p3p_status_str(rc));
        return NGX_CONF_ERROR;
    }

    errors = 0;

    if (n) {
        diags = ngx_palloc(cf->temp_pool, n * sizeof(p3p_diagnostic));
        if (diags == NULL) {
            return NGX_CONF_ERROR;
        }

        rc = p3p_diagnostics(value[1].data, value[1].len, P3P_INPUT_TOKENS,
                             diags, n, &n);
        if (rc != P3P_STATUS_OK) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "p3p_diagnostics() failed: %s",
                               p3p_status_str(rc));
            return NGX_CONF_ERROR;
        }

        for (i = 0; i < n; i++) {
            rc = p3p_diagnostic_message(&diags[i], value[1].data,
                                        value[1].len, NULL, 0, &len);
            if (rc != P3P_STATUS_OK) {
                continue;
            }

            msg = ngx_pnalloc(cf->temp_pool, len);
            if (msg == NULL) {
                return NGX_CONF_ERROR;
            }

            if (p3p_diagnostic_message(&diags[i], value[1].data,
                                       value[1].len, msg, len, &len)
                != P3P_STATUS_OK)
            {
                continue;
            }

            if (diags[i].severity == P3P_SEVERITY_ERROR) {
                errors++;
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid \"p3p_policy\": %*s", len, msg);

            } else {
                ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                                   "\"p3p_policy\": %*s", len, msg);
            }
        }
    }

    if (errors) {
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
                       "invalid \"p3p_policy\" \"%V\": %s",
                       &value[1], p3p_status_str(rc));

    return NGX_CONF_ERROR;
}


static char *
ngx_http_p3p_cookies_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    uint32_t                   level;
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

    if (p3p_level_parse(value[1].data, value[1].len, &level) != P3P_STATUS_OK)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be \"off\", a level or a variable",
                           &value[1], &cmd->name);
        return NGX_CONF_ERROR;
    }

    plcf->cookies = level;

    return NGX_CONF_OK;
}


static char *
ngx_http_p3p_fallback(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_p3p_loc_conf_t *plcf = conf;

    uint32_t    level;
    ngx_str_t  *value;

    if (plcf->fallback != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (p3p_level_parse(value[1].data, value[1].len, &level) != P3P_STATUS_OK)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\" in \"%V\" directive, "
                           "it must be a level", &value[1], &cmd->name);
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
     *     conf->cookies_cv = NULL;
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
        conf->cookies_cv = prev->cookies_cv;
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

    ngx_conf_merge_uint_value(conf->fallback, prev->fallback,
                              P3P_LEVEL_MEDIUM);
    ngx_conf_merge_uint_value(conf->on_error, prev->on_error,
                              NGX_HTTP_P3P_ERROR_ACCEPT);

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_p3p_init(ngx_conf_t *cf)
{
    size_t                     len;
    uint32_t                   action;
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

    for (action = P3P_ACTION_ACCEPT; action <= P3P_ACTION_PROMPT; action++) {
        len = ngx_strlen(p3p_action_str(action));
        ngx_http_p3p_action_max = ngx_max(ngx_http_p3p_action_max, len);
    }

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_p3p_header_filter;

    return NGX_OK;
}
