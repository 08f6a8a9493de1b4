# cmake --install: the shared and static libraries, the header, byline.pc, the CLI, the man pages
# byline(1) and libbyline(3), and the Python package (python/byline). Every path is relative to the
# prefix, so `cmake --install build --prefix DIR` (or DESTDIR) relocates all of it.
install(TARGETS byline_shared byline
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS byline-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES include/byline.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# byline.pc: the prefix is found from the .pc file's own place (${pcfiledir}), so it stays right
# whatever prefix the install is given
file(RELATIVE_PATH BYLINE_PC_TO_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" BYLINE_PC_TO_PREFIX "${BYLINE_PC_TO_PREFIX}")
configure_file(cmake/byline.pc.in ${CMAKE_BINARY_DIR}/byline.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/byline.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

configure_file(man/byline.1.in ${CMAKE_BINARY_DIR}/man/byline.1 @ONLY)
configure_file(man/libbyline.3.in ${CMAKE_BINARY_DIR}/man/libbyline.3 @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/man/byline.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/man/libbyline.3 DESTINATION ${CMAKE_INSTALL_MANDIR}/man3)
