module.exports = function(grunt) {
  grunt.registerTask('extra', 'Extra task.', function() {});
  grunt.registerTask('extra2', 'Extra task 2.', function() { return false; });
};
