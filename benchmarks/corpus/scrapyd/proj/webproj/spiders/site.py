import scrapy


class PagesSpider(scrapy.Spider):
    name = "pages"

    def __init__(self, port="47601", depth="2", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [f"http://127.0.0.1:{port}/"]
        self.custom_depth = int(depth)

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)
        yield {"url": response.url, "size": len(response.body)}


class SlowSpider(scrapy.Spider):
    name = "slow"
    start_urls = [f"http://127.0.0.1:47601/page{i}.html" for i in range(40)]
    custom_settings = {"DOWNLOAD_DELAY": 1, "CONCURRENT_REQUESTS": 1}

    def parse(self, response):
        yield {"url": response.url}


class DeadSpider(scrapy.Spider):
    name = "dead"
    start_urls = ["http://127.0.0.1:47602/"]

    def parse(self, response):
        yield {"url": response.url}


class FragileSpider(scrapy.Spider):
    name = "fragile"
    start_urls = ["http://127.0.0.1:47601/"]

    def parse(self, response):
        raise ValueError("cannot parse " + response.url)
