module.exports = function(grunt) {
  grunt.initConfig({a: 1});
  grunt.registerTask('default', function() {});
  throw new TypeError('Gruntfile exploded');
};
