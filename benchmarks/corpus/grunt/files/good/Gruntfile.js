'use strict';
module.exports = function(grunt) {
  var n = Number(grunt.option('lvl') || 3);
  grunt.initConfig({
    pkg: grunt.file.readJSON('package.json'),
    build: {
      options: {banner: '/* <%= pkg.name %> */', level: n},
      one: {src: ['src/*.txt'], dest: 'out/one.txt'},
      two: {files: {'out/two.txt': ['src/a.txt', 'src/b.txt']}},
      three: {files: [{expand: true, cwd: 'src/', src: ['*.txt'], dest: 'out/exp/', ext: '.out'}]},
      empty: {},
      nosrc: {src: ['src/*.nomatch'], dest: 'out/none.txt'},
      plain: 'src/a.txt',
      _hidden: {src: 'x'}
    },
    lint: {
      all: {src: ['src/**/*.txt', 'data/*.json'], options: {strict: true}},
      js: {src: 'lib/*.js'}
    },
    tmpl: {
      ok: {msg: 'Value <%= pkg.version %>'},
      bad: {msg: 'Value <%= pkg.nope.deeper %>'},
      syntax: {msg: 'Value <%= if ( %>'}
    },
    nothing: {}
  });

  grunt.registerMultiTask('build', 'Concatenate things.', function() {
    var opts = this.options({sep: '\n'});
    this.files.forEach(function(f) {
      var src = f.src.filter(function(p) { return grunt.file.exists(p); })
        .map(function(p) { return grunt.file.read(p); }).join(opts.sep);
      if (f.dest) { grunt.file.write(f.dest, opts.banner + src); }
    });
    if (this.files.length === 0) { return false; }
  });
  grunt.registerMultiTask('lint', 'Check files.', function() {
    var opts = this.options({strict: false});
    var bad = 0;
    this.filesSrc.forEach(function(p) {
      if (/\.json$/.test(p)) {
        try { grunt.file.readJSON(p); } catch (e) { bad++; }
      } else {
        grunt.file.read(p);
      }
    });
    if (bad && opts.strict) { grunt.fail.warn(bad + ' file(s) failed lint.'); }
  });
  grunt.registerMultiTask('tmpl', 'Templates.', function() {
    grunt.template.process(this.data.msg);
  });
  grunt.registerMultiTask('nothing', 'Multi task with no targets.', function() {});
  grunt.registerTask('pass', 'Passes.', function() {});
  grunt.registerTask('retfalse', 'Returns false.', function() { return false; });
  grunt.registerTask('throws', 'Throws.', function(kind) {
    if (kind === 'type') { null.x(); }
    throw new Error('boom in ' + (kind || 'throws'));
  });
  grunt.registerTask('asyncok', 'Async ok.', function(ms) {
    var done = this.async();
    setTimeout(function() { done(); }, Number(ms || 10));
  });
  grunt.registerTask('asyncfail', 'Async fail.', function(how) {
    var done = this.async();
    setTimeout(function() { done(how === 'err' ? new Error('async task ' + how) : false); }, 5);
  });
  grunt.registerTask('needs', 'Requires other tasks.', function() {
    this.requires(['pass', 'retfalse']);
  });
  grunt.registerTask('needcfg', 'Requires config.', function(prop) {
    this.requiresConfig(prop || 'pkg.name', 'pkg.version');
  });
  grunt.registerTask('opts', 'Options.', function() {
    this.options({a: 1, b: 'x', c: true});
  });
  grunt.registerTask('warn', 'Warns.', function(what) {
    grunt.fail.warn('Custom warning ' + (what || 'plain'));
  });
  grunt.registerTask('fatal', 'Fatal.', function() {
    grunt.fail.fatal('stopping now');
  });
  grunt.registerTask('files', 'File ops.', function(mode) {
    grunt.file.write('out/tmp/w.txt', 'w');
    grunt.file.copy('src/a.txt', 'out/tmp/c.txt');
    grunt.file.copy('src/a.txt', 'out/tmp/p.txt', {process: function(c) { return c.toUpperCase(); }});
    grunt.file.copy('src/b.txt', 'out/tmp/q.txt', {process: function() { return false; }});
    grunt.file.delete('out/tmp/w.txt');
    grunt.file.delete('out/tmp/missing.txt');
    grunt.file.readYAML('data/conf.yml');
    if (mode === 'badjson') { grunt.file.readJSON('data/bad.json'); }
    if (mode === 'badyaml') { grunt.file.readYAML('data/bad.yml'); }
    if (mode === 'missing') { grunt.file.read('data/none.txt'); }
    if (mode === 'procerr') { grunt.file.copy('src/a.txt', 'out/tmp/e.txt', {process: function() { throw new Error('nope'); }}); }
    if (mode === 'cwd') { grunt.file.delete('.'); }
    if (mode === 'outside') { grunt.file.delete('../elsewhere'); }
  });
  grunt.registerTask('queue', 'Queues tasks.', function() {
    grunt.task.run(['pass', 'opts']);
  });
  grunt.registerTask('queuemissing', 'Queues missing task.', function() {
    grunt.task.run('doesnotexist');
  });
  grunt.renameTask('pass', 'pass2');
  grunt.renameTask('pass2', 'pass');
  grunt.renameTask('ghosttask', 'other');
  if (grunt.option('loadmissing')) {
    grunt.loadNpmTasks('grunt-contrib-missing');
    grunt.loadTasks('no-such-tasks-dir');
  }
  if (grunt.option('loadtasks')) { grunt.loadTasks('tasks'); }
  grunt.registerTask('default', ['pass', 'build']);
  grunt.registerTask('ci', 'Alias for CI.', ['lint', 'build:one', 'opts', 'needcfg']);
  grunt.registerTask('chain', ['pass', 'asyncok', 'needs']);
};
