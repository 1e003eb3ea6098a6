/* LD_PRELOAD shim: this kernel is built without IPVS (CONFIG_IP_VS is not set), so keepalived's
 * checker process would stop at start-up. The shim answers keepalived's IPVS socket options
 * (IP_VS_SO_SET_* / IP_VS_SO_GET_*) as an empty IPVS table would; everything else (health checks,
 * VRRP, netlink) is untouched. Build: gcc -shared -fPIC -O2 -o fakeipvs.so fakeipvs.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/ip_vs.h>

static int is_ipvs(int level, int opt)
{
	return level == IPPROTO_IP && opt >= IP_VS_BASE_CTL && opt <= IP_VS_BASE_CTL + 15;
}

int setsockopt(int fd, int level, int opt, const void *val, socklen_t len)
{
	static int (*real)(int, int, int, const void *, socklen_t);
	if (is_ipvs(level, opt))
		return 0;
	if (!real)
		real = dlsym(RTLD_NEXT, "setsockopt");
	return real(fd, level, opt, val, len);
}

int getsockopt(int fd, int level, int opt, void *val, socklen_t *len)
{
	static int (*real)(int, int, int, void *, socklen_t *);
	if (is_ipvs(level, opt)) {
		if (val && len && *len)
			memset(val, 0, *len);
		if (opt == IP_VS_SO_GET_INFO && val && len && *len >= sizeof(struct ip_vs_getinfo)) {
			struct ip_vs_getinfo *info = val;
			info->version = 0x010201;	/* 1.2.1 */
			info->size = 4096;
			info->num_services = 0;
		} else if (opt == IP_VS_SO_GET_VERSION && val && len && *len > 0) {
			strncpy(val, "IP Virtual Server version 1.2.1 (size=4096)", *len - 1);
		}
		return 0;
	}
	if (!real)
		real = dlsym(RTLD_NEXT, "getsockopt");
	return real(fd, level, opt, val, len);
}
