module.exports = function(grunt) {
  grunt.registerTask('broken', function() {});
  grunt.undefinedMethod();
};
