module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("src/assets");
};
