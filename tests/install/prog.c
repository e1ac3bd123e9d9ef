/* A program as a user of the installed libp3p writes it: only <p3p.h> and
 * the flags pkg-config gives. Prints the decision for one cell and the ABI
 * version, and fails when either is not what the library should answer. */
#include <p3p.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *value = "CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";
    p3p_policy policy;
    p3p_decision d;

    if (p3p_abi_version() != P3P_ABI_VERSION) {
        fprintf(stderr, "ABI %u, header %u\n", (unsigned) p3p_abi_version(), (unsigned) P3P_ABI_VERSION);
        return 1;
    }
    if (p3p_policy_parse((const uint8_t *) value, strlen(value), &policy) != P3P_STATUS_OK
        || p3p_decide(&policy, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, P3P_COOKIE_PERSISTENT, &d)
               != P3P_STATUS_OK) {
        fprintf(stderr, "parse or decide failed\n");
        return 1;
    }
    printf("%s\n", p3p_action_str(d.action));
    return strcmp(p3p_action_str(d.action), "downgrade") == 0 ? 0 : 1;
}
