# p3p: build, test, benchmark and demo entry points. Every target runs from a
# fresh clone after `make setup` (Debian, as root or with sudo).

SHELL := /bin/bash
CARGO ?= cargo
export CARGO_TARGET_DIR ?= $(CURDIR)/target
RELEASE := $(CARGO_TARGET_DIR)/release
NGINX_MODULE := $(CARGO_TARGET_DIR)/nginx/ngx_http_p3p_module.so

.PHONY: all build setup test test-rust test-c test-nginx test-fuzz header \
        bench bench-instructions fuzz demo nginx-module bench-nginx memcheck-nginx soak-nginx clean

all: build

## setup: install the system packages the build, tests and demo need
setup:
	bash .ci/setup.sh

## build: the library (rlib, staticlib, cdylib) and the p3p command
build:
	$(CARGO) build --release

## test: every test: Rust unit and integration, C ABI, nginx end to end, fuzz smoke
test: build test-rust test-c test-nginx test-fuzz

test-rust:
	$(CARGO) test --release

test-c: build
	bash tests/c/run.sh "$(RELEASE)"

test-fuzz:
	bash tests/fuzz/smoke.sh

## header: regenerate include/p3p.h from the Rust source (commit the result)
header:
	P3P_BLESS=1 $(CARGO) test --release --test header

## bench: criterion benchmarks of the library
bench:
	$(CARGO) bench --bench p3p

## bench-instructions: instructions per library operation (callgrind)
bench-instructions:
	bash benches/callgrind.sh

## fuzz: a longer fuzzing run of every parser (FUZZ_SECONDS per target)
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} bash tests/fuzz/smoke.sh

## nginx-module: target/nginx/ngx_http_p3p_module.so for the installed nginx
nginx-module: build
	bash nginx-module/build.sh "$(RELEASE)" "$(CARGO_TARGET_DIR)/nginx"

test-nginx: nginx-module
	bash tests/nginx/run.sh "$(NGINX_MODULE)"

memcheck-nginx: nginx-module
	bash tests/nginx/memcheck.sh "$(NGINX_MODULE)"

## soak-nginx: the module under wrk with reloads for SOAK_SECONDS (60) per run,
## against nginx without it; not part of test (time)
soak-nginx: nginx-module
	bash tests/nginx/soak.sh "$(NGINX_MODULE)"

## bench-nginx: wrk on 127.0.0.1: nginx alone, module loaded but off, deciding, and njs
bench-nginx: nginx-module
	bash benches/nginx/run.sh "$(NGINX_MODULE)"

## demo: set up, build, start nginx on 127.0.0.1 and show cookie decisions
demo: setup nginx-module
	bash examples/demo.sh "$(NGINX_MODULE)"

clean:
	$(CARGO) clean
