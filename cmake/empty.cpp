// libomen.so's own source: none. Its code is the omen libraries, linked in whole
// (cmake/OmenPackage.cmake); a target needs at least one source file.
