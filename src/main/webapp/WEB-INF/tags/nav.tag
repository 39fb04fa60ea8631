<%@ tag pageEncoding="UTF-8" trimDirectiveWhitespaces="true" body-content="empty" %>
<%@ attribute name="path" required="true" %>
<%@ attribute name="label" required="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:if test="${console.may()[path]}">
  <a href="<c:out value='${pageContext.request.contextPath}${path}'/>"<c:if test="${requestScope['jakarta.servlet.forward.servlet_path'] eq path}"> aria-current="page"</c:if>><c:out value="${label}"/></a>
</c:if>
