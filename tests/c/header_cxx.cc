// Compiles p3p.h as C++11 (extern "C" guards, no C-only constructs) and
// makes a few calls, so the declarations link from C++ too.

#include <cstdio>
#include <cstring>

#include "p3p.h"

static_assert(sizeof(p3p_policy) == 40, "p3p_policy is 40 bytes");
static_assert(alignof(p3p_policy) == 8, "p3p_policy is 8-aligned");
static_assert(sizeof(p3p_decision) == 8, "p3p_decision is two uint32_t");

int main() {
    static const char cp[] = "CP=\"NOI DSP COR CUR OUR IND ONL\"";
    p3p_policy policy = {};
    p3p_status s = p3p_policy_parse(reinterpret_cast<const uint8_t *>(cp), sizeof(cp) - 1, &policy);
    if (s != P3P_STATUS_OK) {
        std::printf("p3p_policy_parse: %s\n", p3p_status_str(s));
        return 1;
    }
    p3p_decision d = {};
    s = p3p_decide(&policy, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &d);
    if (s != P3P_STATUS_OK || d.action != P3P_ACTION_ACCEPT) {
        std::printf("p3p_decide: %s, %s\n", p3p_status_str(s), p3p_action_str(d.action));
        return 1;
    }
    if (p3p_abi_version() != P3P_ABI_VERSION || std::strlen(p3p_version()) == 0) {
        std::printf("version mismatch\n");
        return 1;
    }
    uint32_t cls = 0;
    if (p3p_policy_class(&policy, &cls) != P3P_STATUS_OK || cls != P3P_CLASS_OK) {
        std::printf("p3p_policy_class: %s\n", p3p_class_str(cls));
        return 1;
    }
    std::printf("class %s; medium, third party, persistent: %s\n", p3p_class_str(cls), p3p_action_str(d.action));
    return 0;
}
