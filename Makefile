# A thin wrapper over scripts/dev (which installs what is missing and drives CMake).
.PHONY: run test bench clean
run:
	scripts/dev run
test:
	scripts/dev test
bench:
	scripts/dev bench
clean:
	rm -rf build
