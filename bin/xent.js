#!/usr/bin/env node
import '../dist/xent.js';
