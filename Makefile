# p3p: build, test, benchmark and demo entry points. Every target runs from a
# fresh clone after `make setup` (Debian, as root or with sudo).

SHELL := /bin/bash
# cargo on PATH (rustup's, or /usr/bin/cargo from Debian's cargo-web), else
# rustup's default place (sudo resets PATH)
CARGO ?= $(or $(shell command -v cargo 2>/dev/null),$(wildcard $(HOME)/.cargo/bin/cargo),cargo)
# `sudo make install` without a toolchain installs what `make` built
BUILD := $(if $(shell command -v $(CARGO) 2>/dev/null),build)
export CARGO_TARGET_DIR ?= $(CURDIR)/target
RELEASE := $(CARGO_TARGET_DIR)/release
NGINX_MODULE := $(CARGO_TARGET_DIR)/nginx/ngx_http_p3p_module.so
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

# make install: the usual directories (DESTDIR is prepended to each).
PREFIX ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
BINDIR ?= $(EXEC_PREFIX)/bin
LIBDIR ?= $(EXEC_PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATAROOTDIR ?= $(PREFIX)/share
MANDIR ?= $(DATAROOTDIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR ?= $(DATAROOTDIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATAROOTDIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATAROOTDIR)/fish/vendor_completions.d
# The nginx module goes where the installed nginx looks (nginx -V), its
# snippet into Debian's modules-available; NGINX_ENABLE=0 leaves it disabled.
# WITH_NGINX=no skips the module; by default it is built when the nginx
# build tree (nginx-dev) is there.
NGINX_SRC ?= /usr/share/nginx/src
WITH_NGINX ?= $(if $(wildcard $(NGINX_SRC)/configure),yes,no)
NGINX_MODULES_DIR ?=
NGINX_MODULES_AVAILABLE ?= /usr/share/nginx/modules-available
NGINX_MODULES_ENABLED ?= /etc/nginx/modules-enabled
NGINX_ENABLE ?= 1
STRIP ?= strip
INSTALL_VARS := DESTDIR PREFIX BINDIR LIBDIR INCLUDEDIR MANDIR PKGCONFIGDIR BASHCOMPDIR \
        ZSHCOMPDIR FISHCOMPDIR NGINX_MODULES_DIR NGINX_MODULES_AVAILABLE NGINX_MODULES_ENABLED \
        NGINX_ENABLE STRIP VERSION RELEASE
install_env = $(foreach v,$(INSTALL_VARS),$(v)='$($(v))')

.PHONY: all build setup test test-rust test-c test-nginx test-fuzz header \
        bench bench-instructions fuzz demo nginx-module bench-nginx memcheck-nginx soak-nginx clean \
        install uninstall test-install deb test-deb nginx-1.28 test-nginx-1.28 test-asan \
        test-python

all: build

## setup: install the system packages the build, tests and demo need
setup:
	bash .ci/setup.sh

## build: the library (rlib, staticlib, cdylib) and the p3p command; the
## link libp3p.so.0 (the SONAME programs record) lets programs linked
## against target/release run from there
build:
	$(CARGO) build --release
	ln -sfn libp3p.so $(RELEASE)/libp3p.so.0

## test: every test: Rust unit and integration, C ABI, the Python package, nginx end to end (Debian's
## nginx, nginx 1.28 dynamic and static, 1.28 under ASan), make install, the
## Debian packages installed and used, fuzz smoke
test: build test-rust test-c test-python test-nginx test-install test-nginx-1.28 test-asan test-deb test-fuzz

test-rust:
	$(CARGO) test --release

test-c: build
	bash tests/c/run.sh "$(RELEASE)"

test-fuzz:
	bash tests/fuzz/smoke.sh

## test-python: the Python package (bindings/python) against the library and
## command just built, then pip-installed into a venv and used against a
## make install tree
PYTHON ?= python3
test-python: build
	P3P_LIBRARY=$(RELEASE)/libp3p.so P3P_BIN=$(RELEASE)/p3p P3P_REQUIRE_BIN=1 \
	    PYTHONPATH=$(CURDIR)/bindings/python/src PYTHONDONTWRITEBYTECODE=1 \
	    $(PYTHON) -m unittest discover -s bindings/python/tests -t bindings/python/tests
	PYTHON=$(PYTHON) bash bindings/python/tests/installed.sh

## install: library, header, p3p.pc, the command, its man pages and completions,
## and the nginx module with its load snippet (PREFIX=/usr/local, DESTDIR, ...)
install: $(BUILD) $(if $(filter yes,$(WITH_NGINX)),nginx-module)
	$(install_env) NGINX_MODULE='$(if $(filter yes,$(WITH_NGINX)),$(NGINX_MODULE))' \
	    bash packaging/install.sh install

## uninstall: removes what install put there (same variables)
uninstall:
	$(install_env) bash packaging/install.sh uninstall

## test-install: make install into a DESTDIR, then build and run C programs
## against it with pkg-config (shared and static), check SONAME and links
test-install: build
	bash tests/install/run.sh

## deb: Debian packages in target/deb (libnginx-mod-http-p3p, p3p, libp3p0,
## libp3p-dev), built by dpkg-buildpackage from packaging/debian
deb:
	bash packaging/deb.sh

## test-deb: builds the packages, installs them on this machine (apt-get),
## checks nginx loads the module from its snippet, runs the nginx suite
## against the installed module and a C program against libp3p-dev; purges
test-deb: build
	bash tests/install/deb.sh

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
nginx-module: $(BUILD)
	bash nginx-module/build.sh "$(RELEASE)" "$(CARGO_TARGET_DIR)/nginx"

test-nginx: nginx-module
	bash tests/nginx/run.sh "$(NGINX_MODULE)"

## nginx-1.28: nginx 1.28 (the nginx-src crate) with the module, dynamic and static
nginx-1.28: $(BUILD)
	bash nginx-module/build-nginx.sh dynamic
	bash nginx-module/build-nginx.sh static

NGINX_128 := $(CARGO_TARGET_DIR)/nginx-1.28
test-nginx-1.28: nginx-1.28
	NGINX_BIN=$(NGINX_128)/dynamic/sbin/nginx bash tests/nginx/run.sh $(NGINX_128)/dynamic/modules/ngx_http_p3p_module.so
	NGINX_BIN=$(NGINX_128)/static/sbin/nginx bash tests/nginx/run.sh --builtin

## test-asan: the nginx suite on nginx 1.28 and the module built with
## AddressSanitizer and NGX_DEBUG_PALLOC (pool debugging)
test-asan: $(BUILD)
	bash nginx-module/build-nginx.sh asan
	bash tests/asan/run.sh $(NGINX_128)/asan

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
