"""Two Scrapy spiders in one CrawlerProcess against the local site (see workload.sh)."""
import os, random, sys
import scrapy
from scrapy.http import TextResponse
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import DropItem
from scrapy.logformatter import LogFormatter
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.exceptions import DownloadTimeoutError, CannotResolveHostError
from twisted.internet.error import DNSLookupError, TimeoutError

PA, PB, LOG, OUT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
R = random.Random(int(sys.argv[5]))

class OneLineLogFormatter(LogFormatter):
    """Documented way to omit actions: the item messages are multi-line, so they are skipped."""
    def scraped(self, item, response, spider):
        return None
    def dropped(self, item, exception, response, spider):
        return None

class ShortTitlePipeline:
    def process_item(self, item):
        if len(item.get("title") or "") < 8:
            raise DropItem(f"short title {item.get('title')!r}")
        return item

class Base(scrapy.Spider):
    async def start(self):
        for path in ["/"] + [f"/page/{R.randrange(1, 900)}" for _ in range(R.randrange(2, 6))]:
            yield scrapy.Request(self.base + path, errback=self.failed)
    def parse(self, response):
        if not isinstance(response, TextResponse):
            return
        yield {"url": response.url, "title": response.css("title::text").get(), "status": response.status}
        for href in response.css("a::attr(href)").getall():
            if href.startswith("mailto:"):
                continue
            if R.random() < 0.8:
                meta = dict(response.meta) if R.random() < 0.02 else {}
                yield response.follow(href, callback=self.parse, errback=self.failed, meta=meta)
    def failed(self, failure):
        req = failure.request
        if failure.check(HttpError):
            self.logger.info("HTTP error %s on %s", failure.value.response.status, req.url)
        elif failure.check(DNSLookupError, CannotResolveHostError):
            self.logger.warning("DNS lookup failed for %s", req.url)
        elif failure.check(TimeoutError, DownloadTimeoutError):
            self.logger.warning("Timed out fetching %s after %s s", req.url, req.meta.get("download_timeout"))
        else:
            self.logger.warning("Request to %s failed: %s", req.url, failure.type.__name__)
    def closed(self, reason):
        self.logger.info("Spider %s finished: %s", self.name, reason)

class SiteSpider(Base):
    name = "site"
    allowed_domains = ["127.0.0.1"]
    base = f"http://127.0.0.1:{PA}"
    custom_settings = {
        "DOWNLOAD_DELAY": R.choice([0.3, 0.35, 0.4]),
        "CLOSESPIDER_TIMEOUT_NO_ITEM": R.choice([60, 90]),
        "CONCURRENT_REQUESTS_PER_DOMAIN": R.choice([2, 3, 4]),
        "CLOSESPIDER_PAGECOUNT": R.randrange(500, 800),
    }

class ShopSpider(Base):
    name = "shop"
    allowed_domains = ["localhost"]
    base = f"http://localhost:{PB}"
    custom_settings = {
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_DEBUG": True,
        "AUTOTHROTTLE_START_DELAY": R.choice([1.0, 1.5]),
        "DOWNLOAD_DELAY": R.choice([0.45, 0.5, 0.55]),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": R.choice([1.0, 2.0]),
        "HTTPERROR_ALLOWED_CODES": [404],
        "DEPTH_LIMIT": R.choice([8, 9, 10]),
        "ROBOTSTXT_OBEY": False,
        "CLOSESPIDER_TIMEOUT": R.randrange(150, 190),
    }

process = CrawlerProcess(settings={
    "BOT_NAME": "r19bot",
    "LOG_FILE": LOG, "LOG_LEVEL": "DEBUG", "LOG_FILE_APPEND": True, "REMOTE_CONTROL_ENABLED": False,
    "LOG_FORMATTER": OneLineLogFormatter,
    "STATS_DUMP": False,
    "ROBOTSTXT_OBEY": True,
    "DOWNLOAD_TIMEOUT": R.choice([3, 4]),
    "RETRY_TIMES": R.choice([1, 2]),
    "DEPTH_LIMIT": R.choice([5, 6, 7]),
    "URLLENGTH_LIMIT": R.choice([180, 250]),
    "DOWNLOAD_WARNSIZE": 500_000, "DOWNLOAD_MAXSIZE": 2_000_000,
    "DUPEFILTER_DEBUG": True,
    "REDIRECT_MAX_TIMES": R.choice([4, 5]),
    "LOGSTATS_INTERVAL": R.choice([15.0, 20.0]),
    "TELNETCONSOLE_PORT": [26110, 26119], "TELNETCONSOLE_HOST": "127.0.0.1",
    "MEMUSAGE_ENABLED": True, "MEMUSAGE_WARNING_MB": 40, "MEMUSAGE_CHECK_INTERVAL_SECONDS": 10,
    "ITEM_PIPELINES": {ShortTitlePipeline: 300},
    "FEEDS": {os.path.join(OUT, "items-%(name)s.jsonl"): {"format": "jsonlines"}},
    "USER_AGENT": "r19bot (+http://127.0.0.1)",
})
process.crawl(SiteSpider)
process.crawl(ShopSpider)
process.start()
