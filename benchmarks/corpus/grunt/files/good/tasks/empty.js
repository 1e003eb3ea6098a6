module.exports = function(grunt) {};
