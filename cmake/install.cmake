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

# The Python package on cffi (ABI mode), with its record reader (cmake/python.cmake): it loads the
# libbyline.so installed beside it, found by a path relative to the package. Debian's Python reads /usr/lib/python3/dist-packages
# for the prefix /usr, PREFIX/lib/python3.X/dist-packages for /usr/local, and the user site for ~/.local.
option(BYLINE_INSTALL_PYTHON "Install the Python package (python/byline)" ON)
if(BYLINE_INSTALL_PYTHON)
  execute_process(COMMAND /usr/bin/python3 -c "import sys; print('%d.%d' % sys.version_info[:2])"
    OUTPUT_VARIABLE BYLINE_PY_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(BYLINE_PYTHON_DIR_DEFAULT lib/python3/dist-packages)
  elseif(DEFINED ENV{HOME} AND CMAKE_INSTALL_PREFIX STREQUAL "$ENV{HOME}/.local")
    set(BYLINE_PYTHON_DIR_DEFAULT lib/python${BYLINE_PY_VERSION}/site-packages)  # the user site
  else()
    set(BYLINE_PYTHON_DIR_DEFAULT lib/python${BYLINE_PY_VERSION}/dist-packages)
  endif()
  set(BYLINE_PYTHON_DIR "" CACHE STRING "Where the Python package goes, relative to the prefix (empty: by the prefix)")
  set(BYLINE_PY_DIR ${BYLINE_PYTHON_DIR})
  if(NOT BYLINE_PY_DIR)
    set(BYLINE_PY_DIR ${BYLINE_PYTHON_DIR_DEFAULT})
  endif()
  file(RELATIVE_PATH BYLINE_PY_TO_LIB /${BYLINE_PY_DIR}/byline /${CMAKE_INSTALL_LIBDIR})
  set(BYLINE_SONAME libbyline.so.${BYLINE_ABI_VERSION})
  configure_file(python/byline/_installed.py.in ${CMAKE_BINARY_DIR}/python/_installed.py @ONLY)
  install(DIRECTORY python/byline/ DESTINATION ${BYLINE_PY_DIR}/byline
    FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
  install(FILES ${CMAKE_BINARY_DIR}/python/_installed.py DESTINATION ${BYLINE_PY_DIR}/byline)
  if(BYLINE_RECORDS_MODULE)
    install(TARGETS ${BYLINE_RECORDS_MODULE} LIBRARY DESTINATION ${BYLINE_PY_DIR}/byline)
  endif()
endif()
