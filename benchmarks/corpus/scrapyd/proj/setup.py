from setuptools import setup, find_packages
setup(name="webproj", version="1.0", packages=find_packages(), entry_points={"scrapy": ["settings = webproj.settings"]})
