/* LD_PRELOAD stub: this machine's kernel has no IPv4 multicast routing (setsockopt MRT_INIT
 * gives ENOPROTOOPT), so the MRT_* socket options on the IGMP raw socket are answered with
 * success here; everything else (raw IGMP socket, group joins, packets) is the real kernel. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/mroute.h>

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    static int (*real)(int, int, int, const void *, socklen_t);
    if (!real)
        real = (int (*)(int, int, int, const void *, socklen_t)) dlsym(RTLD_NEXT, "setsockopt");
    if (level == IPPROTO_IP && name >= MRT_BASE && name <= MRT_BASE + 20)
        return 0;
    return real(fd, level, name, val, len);
}
