// A stand-in for `new Worker(...)` in node tests: the real dispatcher and engine with onnxruntime-web's
// WASM build from node_modules, and messages that cross a real structured clone (with transfer).
import path from 'node:path';
import { createDispatcher } from '../../worker/dispatch.js';
import { Engine } from '../../worker/engine.js';
import { REPO, fileFetch, fileUrl } from './helpers.js';

export const ORT_DIST = path.join(REPO, 'node_modules/onnxruntime-web/dist/');
export const importOrt = () => import(fileUrl(path.join(ORT_DIST, 'ort.wasm.min.mjs')));

export class InProcessWorker extends EventTarget {
  /** @param {typeof fetch} [fetchImpl] how the worker fetches (default: files from disk) */
  constructor(fetchImpl = fileFetch()) {
    super();
    this.terminated = false;
    this.requests = /** @type {any[]} */ ([]);
    this.engine = new Engine(importOrt, fetchImpl);
    this.dispatch = createDispatcher(this.engine, (reply, transfer = []) => {
      if (this.terminated) return;
      const data = structuredClone(reply, { transfer });
      setImmediate(() => this.dispatchEvent(Object.assign(new Event('message'), { data })));
    }, fileUrl(ORT_DIST));
  }

  /** @param {any} message @param {Transferable[]} [transfer] */
  postMessage(message, transfer = []) {
    const data = structuredClone(message, { transfer });
    this.requests.push(data);
    setImmediate(() => this.dispatch(data));
  }

  /** Simulate a crash: the worker stops answering and fires `error`. */
  crash(message = 'boom') {
    this.terminated = true;
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  terminate() {
    this.terminated = true;
  }
}
