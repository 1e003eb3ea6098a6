// Minimal NestJS application in plain JavaScript (no logging statements of its own).
import '/tmp/round46-r46h/nestjs/node_modules/reflect-metadata/Reflect.js';
import fs from 'fs';
import { createRequire } from 'module';
const { Observable } = createRequire('/tmp/round46-r46h/nestjs/node_modules/')('rxjs');
import { NestFactory } from '/tmp/round46-r46h/nestjs/node_modules/@nestjs/core/index.js';
import {
  Module, Controller, Get, Post, Delete, Param, Body, Query, Headers, Injectable, Inject, UseGuards, Sse,
  ParseIntPipe, NotFoundException, BadRequestException, ForbiddenException, StreamableFile,
} from '/tmp/round46-r46h/nestjs/node_modules/@nestjs/common/index.js';

const method = (C, name, ...decs) => { const d = Object.getOwnPropertyDescriptor(C.prototype, name); for (const f of decs) f(C.prototype, name, d); };
const param = (C, name, i, dec) => dec(C.prototype, name, i);

class ItemsService {
  constructor() { this.items = new Map([[1, { id: 1, name: 'anvil' }], [2, { id: 2, name: 'rope' }]]); this.next = 3; }
  all() { return [...this.items.values()]; }
  get(id) { const it = this.items.get(id); if (!it) throw new NotFoundException(`item ${id}`); return it; }
  add(body) { if (!body || typeof body.name !== 'string' || !body.name) throw new BadRequestException('name required'); const it = { id: this.next++, name: body.name }; this.items.set(it.id, it); return it; }
  remove(id) { this.get(id); this.items.delete(id); return { ok: true }; }
}
Injectable()(ItemsService);

class AdminGuard {
  canActivate(ctx) {
    const key = ctx.switchToHttp().getRequest().headers['x-key'];
    if (key === 'crash') return undefined.allowed;
    return key === 'letmein';
  }
}
Injectable()(AdminGuard);

class ItemsController {
  constructor(svc) { this.svc = svc; }
  list() { return this.svc.all(); }
  one(id) { return this.svc.get(id); }
  create(body) { return this.svc.add(body); }
  del(id) { return this.svc.remove(id); }
}
Inject(ItemsService)(ItemsController, undefined, 0);
Controller('items')(ItemsController);
method(ItemsController, 'list', Get());
param(ItemsController, 'one', 0, Param('id', ParseIntPipe)); method(ItemsController, 'one', Get(':id'));
param(ItemsController, 'create', 0, Body()); method(ItemsController, 'create', Post());
param(ItemsController, 'del', 0, Param('id', ParseIntPipe)); method(ItemsController, 'del', Delete(':id'));

class MiscController {
  boom(kind) { if (kind === 'type') return null.x; if (kind === 'range') return new Array(-1); throw new Error('boom requested: ' + kind); }
  async slowFail(ms) { await new Promise(r => setTimeout(r, Number(ms) || 10)); throw new Error('timed out after ' + ms + 'ms'); }
  admin() { return { secret: 42 }; }
  file(name) { return new StreamableFile(fs.createReadStream('/tmp/round46-r46h/nestfiles/' + name)); }
  legacy(x) { return { legacy: x }; }
  events(n) { return new Observable(sub => { let i = 0; const t = setInterval(() => { if (i++ < Number(n)) sub.next({ data: { i } }); else { clearInterval(t); sub.error(new Error('stream ended badly after ' + n)); } }, 5); return () => clearInterval(t); }); }
}
Controller()(MiscController);
param(MiscController, 'boom', 0, Param('kind')); method(MiscController, 'boom', Get('boom/:kind'));
param(MiscController, 'slowFail', 0, Query('ms')); method(MiscController, 'slowFail', Get('slow'));
method(MiscController, 'admin', Get('admin'), UseGuards(AdminGuard));
param(MiscController, 'file', 0, Param('name')); method(MiscController, 'file', Get('files/:name'));
param(MiscController, 'legacy', 0, Param('x')); method(MiscController, 'legacy', Get('legacy/*/x'));
param(MiscController, 'events', 0, Query('n')); method(MiscController, 'events', Sse('events'));

class ItemsModule { onModuleDestroy() { if (process.env.FAIL_DESTROY) throw new Error('cannot flush items cache'); } }
Module({ controllers: [ItemsController], providers: [ItemsService] })(ItemsModule);
class AppModule {}
Module({ imports: [ItemsModule], controllers: [MiscController], providers: [AdminGuard] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: ['error', 'warn', 'log', 'debug', 'verbose'] });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT || 49700), '127.0.0.1');
