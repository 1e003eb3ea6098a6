import scrapy
from webproj import missing_module  # noqa: F401  (does not exist: breaks spider loading)


class BrokenSpider(scrapy.Spider):
    name = "broken"
